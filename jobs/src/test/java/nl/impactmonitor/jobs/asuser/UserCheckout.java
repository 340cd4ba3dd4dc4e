package nl.impactmonitor.jobs.asuser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;

/**
 * A copy of the repository root as a fresh clone has it (the files git tracks), with the packaged jar where
 * {@code ./mvnw package} leaves it ({@code jobs/target/impactmonitor.jar}). Nothing else: no var/, no settings a user
 * would not have. The README's commands run in it unchanged.
 */
public final class UserCheckout {

    public static final Path JAR = Path.of(System.getProperty("impactmonitor.jar",
            TestProject.DIR.resolve("jobs/target/impactmonitor.jar").toString())).toAbsolutePath();

    private UserCheckout() {
    }

    public static Path create(Path target) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("packaged jar " + JAR + " missing: these tests run after 'package' (./mvnw verify)");
        }
        Files.createDirectories(target);
        for (String name : trackedFiles()) {
            Path from = TestProject.DIR.resolve(name);
            if (!Files.isRegularFile(from)) {
                continue; // deleted in the work tree
            }
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path jar = target.resolve("jobs/target/impactmonitor.jar");
        Files.createDirectories(jar.getParent());
        try {
            Files.createLink(jar, JAR); // same bytes, no 140 MB copy per checkout
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(JAR, jar);
        }
        return target;
    }

    /** The files of the checkout: git's list when the project is a git work tree, else the folders the README names. */
    private static List<String> trackedFiles() throws IOException, InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(TestProject.DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0 && out.length > 0) {
                return Stream.of(new String(out, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList();
            }
        } catch (IOException e) {
            // no git on this machine: fall through
        }
        try (Stream<Path> files = Stream.of("config", "sql", "samples").map(TestProject.DIR::resolve)
                .flatMap(UserCheckout::walk)) {
            return files.filter(Files::isRegularFile).map(p -> TestProject.DIR.relativize(p).toString()).toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
