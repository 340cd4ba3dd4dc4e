package nl.impactmonitor.jobs.asuser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar jobs/target/impactmonitor.jar ...} in a child process, started in a user's checkout with exactly
 * the arguments given, its console (standard output and error) collected line by line.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private JarProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // process gone
            }
        }, "console of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar jobs/target/impactmonitor.jar args...} with {@code checkout} as working directory. */
    public static JarProcess start(Path checkout, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "jobs/target/impactmonitor.jar"));
        cmd.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(cmd).directory(checkout.toFile()).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for a console line matching {@code pattern}; its first group, or empty when the process ended first or time ran out. */
    public Optional<String> awaitGroup(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return Optional.of(m.groupCount() > 0 ? m.group(1) : m.group());
                }
            }
            if (!process.isAlive()) {
                reader.join(2000);
                return lines().stream().map(pattern::matcher).filter(Matcher::find)
                        .map(m -> m.groupCount() > 0 ? m.group(1) : m.group()).findFirst();
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    public boolean awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        return awaitCondition(() -> lines().stream().anyMatch(match), timeout);
    }

    public boolean awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Waits for the process to end; its exit code, or -1 when it did not end in time (it is then killed). */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        reader.join(5000);
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, as systemd's stop sends it. Through the process handle: {@code Process.destroy()} would also close our
     * end of its console, and what the process prints while it shuts down would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: the process ends at once, nothing of it runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(2000);
    }
}
