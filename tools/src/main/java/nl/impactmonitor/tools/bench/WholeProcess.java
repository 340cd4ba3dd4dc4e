package nl.impactmonitor.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Whole-process figures (issue 22, 1 and 2): {@code java -jar jobs/target/impactmonitor.jar help}, {@code spend-load}
 * of a one-line and of a large spend file, and the service's start until it logs "Started", each as a fresh process
 * in a fresh working folder (its own var/, the project's sql/ and config/ linked in), against {@link NativeLoad} (a
 * plain Java program doing DuckDB's read_csv) on the same files. The paths alternate within a round; every figure is
 * the median of the rounds with min and max. Peak memory is the process's maximum resident set, from /usr/bin/time.
 */
final class WholeProcess {

    private record Sample(double seconds, long peakKb, double cpu) {
    }

    private final Path project;
    private final Path work;
    private final Path jar;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final boolean timeTool = Files.isExecutable(Path.of("/usr/bin/time"));
    private String nativeClassPath;

    WholeProcess(Path project, Path work) {
        this.project = project;
        this.work = work;
        this.jar = project.resolve("jobs/target/impactmonitor.jar");
    }

    String run(int lines, int rounds) throws Exception {
        if (!Files.exists(jar)) {
            return "### Whole process\n\nNot measured: " + jar + " is missing (./mvnw package first).\n\n";
        }
        nativeClassPath = nativeClassPath();
        Path files = Files.createDirectories(work.resolve("files"));
        Path one = ScaleGenerator.spendFile(files.resolve("one"), 1, 7L);
        Path big = ScaleGenerator.spendFile(files.resolve("big"), lines, 7L);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            add(samples, "native-1", nativeLoad(one, round));
            add(samples, "help", ours(round, "help", null));
            add(samples, "load-1", ours(round, "spend-load", one));
            add(samples, "native-big", nativeLoad(big, round));
            add(samples, "load-big", ours(round, "spend-load", big));
            add(samples, "service", service(round));
        }
        StringBuilder md = new StringBuilder();
        md.append("### Whole process (fresh process and var/ each time; ").append(rounds).append(" rounds, paths alternating; median [min-max])\n\n")
                .append("| path | wall s | peak RSS MB | CPU s (user+sys) | wall / native | RSS / native | CPU / native |\n|---|---|---|---|---|---|---|\n");
        row(md, "native: plain Java + DuckDB `read_csv`, one-line file", samples.get("native-1"), null);
        row(md, "`java -jar impactmonitor.jar help`", samples.get("help"), samples.get("native-1"));
        row(md, "`java -jar impactmonitor.jar spend-load`, one-line file", samples.get("load-1"), samples.get("native-1"));
        row(md, String.format("native: plain Java + DuckDB `read_csv`, %,d-line file", lines), samples.get("native-big"), null);
        row(md, String.format("`java -jar impactmonitor.jar spend-load`, %,d-line file", lines), samples.get("load-big"), samples.get("native-big"));
        row(md, "service (no command) until it logs \"Started\"", samples.get("service"), samples.get("native-1"));
        md.append(String.format("%nFigure 1 (CLI start, target <= 3x): help %.2fx, one-line spend-load %.2fx native (wall). "
                        + "Figure 2 (target <= 2.0x wall, <= 2x memory): %,d-line spend-load %.2fx wall, %.2fx peak RSS (CPU %.2fx).%n%n",
                ratio(samples.get("help"), samples.get("native-1")), ratio(samples.get("load-1"), samples.get("native-1")),
                lines, ratio(samples.get("load-big"), samples.get("native-big")), rssRatio(samples.get("load-big"), samples.get("native-big")),
                cpuMedian(samples.get("load-big")) / Math.max(1e-9, cpuMedian(samples.get("native-big")))));
        return md.toString();
    }

    private static void add(Map<String, List<Sample>> samples, String key, Sample s) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }

    private static void row(StringBuilder md, String label, List<Sample> s, List<Sample> base) {
        md.append("| ").append(label).append(" | ")
                .append(String.format("%.2f [%.2f-%.2f]", median(s, false), min(s, false), max(s, false))).append(" | ")
                .append(s.get(0).peakKb() > 0 ? String.format("%.0f [%.0f-%.0f]", median(s, true) / 1024, min(s, true) / 1024, max(s, true) / 1024) : "")
                .append(" | ").append(s.get(0).cpu() > 0 ? String.format("%.2f [%.2f-%.2f]", cpuMedian(s), s.stream().mapToDouble(Sample::cpu).min().orElse(0),
                        s.stream().mapToDouble(Sample::cpu).max().orElse(0)) : "")
                .append(" | ").append(base == null ? "" : String.format("%.2f", ratio(s, base)))
                .append(" | ").append(base == null || s.get(0).peakKb() == 0 ? "" : String.format("%.2f", rssRatio(s, base)))
                .append(" | ").append(base == null || s.get(0).cpu() == 0 ? "" : String.format("%.2f", cpuMedian(s) / cpuMedian(base)))
                .append(" |\n");
    }

    private static double cpuMedian(List<Sample> s) {
        double[] v = s.stream().mapToDouble(Sample::cpu).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double ratio(List<Sample> s, List<Sample> base) {
        return median(s, false) / median(base, false);
    }

    private static double rssRatio(List<Sample> s, List<Sample> base) {
        return median(base, true) == 0 ? Double.NaN : median(s, true) / median(base, true);
    }

    private static double median(List<Sample> s, boolean rss) {
        double[] v = s.stream().mapToDouble(x -> rss ? x.peakKb() : x.seconds()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Sample> s, boolean rss) {
        return s.stream().mapToDouble(x -> rss ? x.peakKb() : x.seconds()).min().orElse(0);
    }

    private static double max(List<Sample> s, boolean rss) {
        return s.stream().mapToDouble(x -> rss ? x.peakKb() : x.seconds()).max().orElse(0);
    }

    private Sample nativeLoad(Path file, int round) throws Exception {
        Path dir = Files.createDirectories(work.resolve("native-" + round + "-" + file.getParent().getFileName()));
        Path db = dir.resolve("native.duckdb");
        Files.deleteIfExists(db);
        return timed(dir, List.of(javaBin, "-cp", nativeClassPath, NativeLoad.class.getName(), file.toString(), db.toString()));
    }

    /** A fresh folder as the README's commands expect it: sql/ and config/ of the project, an empty var/. */
    private Path home(String name) throws IOException {
        Path dir = work.resolve(name);
        Bench.deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("sql"), project.resolve("sql"));
        Files.createSymbolicLink(dir.resolve("config"), project.resolve("config"));
        return dir;
    }

    private Sample ours(int round, String command, Path spendFile) throws Exception {
        Path dir = home("ours-" + round + "-" + command + (spendFile == null ? "" : "-" + spendFile.getParent().getFileName()));
        if (spendFile != null) {
            Path inbox = Files.createDirectories(dir.resolve("var/inbox/spend"));
            Files.copy(spendFile, inbox.resolve("inkoopdata-2023-bench.csv"), StandardCopyOption.REPLACE_EXISTING);
        }
        return timed(dir, List.of(javaBin, "-jar", jar.toString(), command));
    }

    private Sample timed(Path dir, List<String> command) throws Exception {
        Path timeOut = dir.resolve("time.txt");
        List<String> cmd = new ArrayList<>();
        if (timeTool) {
            cmd.addAll(List.of("/usr/bin/time", "-v", "-o", timeOut.toString()));
        }
        cmd.addAll(command);
        Path log = dir.resolve("process.log");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + tail(log));
        }
        return new Sample(seconds, peakKb(timeOut), cpu(timeOut));
    }

    private Sample service(int round) throws Exception {
        Path dir = home("service-" + round);
        List<String> cmd = List.of(javaBin, "-jar", jar.toString(), "--server.port=0");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        double seconds = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains("Started ImpactmonitorApplication")) {
                    seconds = (System.nanoTime() - t) / 1e9;
                    break;
                }
            }
            long rssKb = rssKb(p.pid());
            p.destroy();
            drain(p.getInputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (seconds < 0) {
                throw new IllegalStateException("the service did not start (exit " + p.exitValue() + ")");
            }
            return new Sample(seconds, rssKb, 0);
        }
    }

    private static void drain(InputStream in) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User plus system CPU seconds: on a machine other processes keep busy, a steadier measure than the wall clock. */
    private static double cpu(Path timeOut) throws IOException {
        if (!Files.exists(timeOut)) {
            return 0;
        }
        return Files.readAllLines(timeOut).stream().map(String::trim)
                .filter(l -> l.startsWith("User time (seconds)") || l.startsWith("System time (seconds)"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static long peakKb(Path timeOut) throws IOException {
        if (!Files.exists(timeOut)) {
            return 0;
        }
        return Files.readAllLines(timeOut).stream().map(String::trim).filter(l -> l.startsWith("Maximum resident set size"))
                .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** DuckDB's driver jar and NativeLoad's class, copied out of wherever they are (a fat jar or the class path). */
    private String nativeClassPath() throws Exception {
        Path dir = Files.createDirectories(work.resolve("native-cp"));
        Path classFile = Files.createDirectories(dir.resolve("classes/nl/impactmonitor/tools/bench")).resolve("NativeLoad.class");
        try (InputStream in = NativeLoad.class.getResourceAsStream("NativeLoad.class")) {
            Files.copy(in, classFile, StandardCopyOption.REPLACE_EXISTING);
        }
        Path driver = dir.resolve("duckdb_jdbc.jar");
        var location = org.duckdb.DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
        if ("file".equals(location.getProtocol())) {
            Files.copy(Path.of(location.toURI()), driver, StandardCopyOption.REPLACE_EXISTING);
        } else {
            // Spring Boot's fat jar: the driver is BOOT-INF/lib/duckdb_jdbc-*.jar inside the jar this runs from.
            try (JarFile fat = new JarFile(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])) {
                JarEntry entry = fat.stream().filter(e -> e.getName().startsWith("BOOT-INF/lib/duckdb_jdbc")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no DuckDB driver in " + fat.getName()));
                try (InputStream in = fat.getInputStream(entry)) {
                    Files.copy(in, driver, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return driver + java.io.File.pathSeparator + dir.resolve("classes");
    }
}
