package nl.impactmonitor.tools.bench;

import nl.impactmonitor.jobs.landing.Source;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.ImpactmonitorApplication;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.operations.RunService;
import nl.impactmonitor.jobs.reference.ReferenceData;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;
import nl.impactmonitor.warehouse.WarehouseSettings;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The benchmark behind {@code ops/bench/run.sh}: ingest speed against DuckDB's own {@code read_csv} and against a
 * naive Spring Batch JDBC writer on the same file, the nightly flow end to end per phase with peak heap and RSS,
 * a one-partition rerun and the start-up time. Prints Markdown; ratios are measured in the same run.
 */
public final class Bench {

    /** Rounds of each ingest path; the best one counts. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    /** Rounds of the whole-process figures (median, min, max); -Dbench.only=whole runs only those. */
    static final int WHOLE_ROUNDS = Integer.getInteger("bench.whole.rounds", 5);

    static final String BENCH_PASSWORD = "bench-" + Long.toHexString(new java.security.SecureRandom().nextLong());

    /** Admin API calls before and during the nightly run (figure 6). */
    static final int CALLS = 50;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String scaleName = args.length > 0 ? args[0] : "rijk";
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/impactmonitor-bench").toAbsolutePath();
        Path project = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath().normalize();
        int ingestLines = scaleName.equals("smoke") ? 20_000 : 1_000_000;
        int naiveLines = scaleName.equals("smoke") ? 1_000 : Integer.getInteger("bench.naive.lines", 100_000);
        ScaleGenerator.Scale scale = ScaleGenerator.Scale.of(scaleName);
        if (scale == ScaleGenerator.Scale.NATIONAL && !Boolean.getBoolean("bench.national.only")) {
            // Figure 5 compares a rerun at national scale with one at rijk scale: both in this run.
            String rijk = run(ScaleGenerator.Scale.RIJK, work.resolveSibling(work.getFileName() + "-rijk"), project, ingestLines, naiveLines);
            double rijkRerun = lastRerunSeconds;
            String national = run(scale, work, project, ingestLines, naiveLines);
            System.out.println(rijk + "\n" + national + String.format("%n### Figure 5: rerun of one department-year, national / rijk%n%n"
                    + "%.1f s / %.1f s = **%.2fx** (target <= 1.5x).%n", lastRerunSeconds, rijkRerun, lastRerunSeconds / rijkRerun));
            return;
        }
        System.out.println(run(scale, work, project, ingestLines, naiveLines));
    }

    /** The rerun's seconds of the last {@link #run}, for figure 5. */
    static double lastRerunSeconds;

    public static String run(ScaleGenerator.Scale scale, Path work, Path project, int ingestLines, int naiveLines) throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scale.name().toLowerCase()).append(" scale, ").append(LocalDate.now()).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MB, Java ").append(System.getProperty("java.version"))
                .append("\n\n");

        long t0 = System.nanoTime();
        ScaleGenerator.Generated data = ScaleGenerator.generate(scale, work.resolve("data"), project.resolve("config/reference"), 20261127L);
        md.append(String.format("Generated %,d spend lines, %,d tenders, %,d supplier results in %.1f s%n%n",
                data.spendLines(), data.tenders(), data.results(), seconds(t0)));

        String loadBefore = loadAverage();
        md.append(new WholeProcess(project, work.resolve("whole")).run(ingestLines,
                scale == ScaleGenerator.Scale.SMOKE ? 1 : WHOLE_ROUNDS));
        if ("whole".equals(System.getProperty("bench.only"))) {
            return md.append(String.format("Load average (1 min) at the start %s, at the end %s.%n", loadBefore, loadAverage())).toString();
        }
        long startT = System.nanoTime();
        try (ConfigurableApplicationContext context = start(work.resolve("home"), project, data)) {
            double startup = seconds(startT);
            md.append("Code: ").append(context.getBean(nl.impactmonitor.jobs.system.BuildVersion.class).describe()).append("\n\n");
            ingest(md, context, work, project, ingestLines, naiveLines);
            nightly(md, context, startup, data);
            rerun(md, context, data.spendInbox());
        }
        // Other processes on the machine slow every path; a 1-minute load average well above the cores used here
        // (about 1-2 during a run) means the absolute figures are low, the ratios less so.
        md.append(String.format("%nLoad average (1 min) at the start %s, at the end %s.%n", loadBefore, loadAverage()));
        return md.toString();
    }

    private static ConfigurableApplicationContext start(Path home, Path project, ScaleGenerator.Generated data) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("impactmonitor.home", home.toString());
        props.put("impactmonitor.sql-dir", project.resolve("sql").toString());
        props.put("impactmonitor.reference-dir", data.referenceDir().toString());
        props.put("impactmonitor.targets-file", project.resolve("config/targets.yaml").toString());
        props.put("impactmonitor.spend.inbox", data.spendInbox().toString());
        props.put("impactmonitor.tender.inbox", data.tenderInbox().toString());
        props.put("impactmonitor.result.inbox", data.resultInbox().toString());
        props.put("impactmonitor.warehouse.memory-limit", System.getProperty("bench.duckdb.memory", "2GB"));
        props.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("jobrepo/batch"));
        props.put("spring.quartz.auto-startup", "false");
        props.put("logging.level.nl.impactmonitor", "WARN");
        // The admin API answers during the nightly run (figure 6): the service's web layer, on a free port.
        props.put("server.port", "0");
        props.put("impactmonitor.security.users[0].name", "bench");
        props.put("impactmonitor.security.users[0].password", "{noop}" + BENCH_PASSWORD);
        props.put("impactmonitor.security.users[0].roles[0]", "STEWARD");
        // Standard output is the Markdown report: the generated data's deliberate flaws make data tests warn.
        props.put("logging.threshold.console", "ERROR");
        if (System.getProperty("bench.log") != null) {
            // -Dbench.log=FILE: the loader's and publisher's timings (INFO) go to FILE, for profiling a run
            props.put("logging.file.name", System.getProperty("bench.log"));
            props.put("logging.level.nl.impactmonitor.warehouse", "INFO");
            props.put("logging.level.nl.impactmonitor.jobs.extract", "INFO");
            props.put("logging.level.nl.impactmonitor.jobs.landing", "INFO");
        }
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ImpactmonitorApplication.class).web(WebApplicationType.SERVLET).run(args);
    }

    /** The same 1M-line spend file three ways: our validated load, DuckDB's plain read_csv, a naive JDBC chunk step. */
    private static void ingest(StringBuilder md, ConfigurableApplicationContext context, Path work, Path project, int lines,
                               int naiveLines) throws Exception {
        Path file = ScaleGenerator.spendFile(work.resolve("ingest"), lines, 7L);
        Path slice = work.resolve("ingest/slice.csv");
        try (var in = Files.lines(file)) {
            Files.write(slice, in.limit(naiveLines + 1L).toList());
        }
        ReferenceData reference = context.getBean(ReferenceData.class);
        // Each path runs ROUNDS times, interleaved, into fresh files; the best round counts, so a moment of other load
        // on the machine does not decide a ratio.
        double ours = 0;
        double plain = 0;
        double naive = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            try (Warehouse w = Warehouse.open(WarehouseSettings.of(work.resolve("ingest/ours-" + round + ".duckdb"), project.resolve("sql")))) {
                loadReference(w, reference);
                long t = System.nanoTime();
                RawLoader.Result r = new SourceFileLoader(w, Source.SPEND.spec(), reference.columns(Source.SPEND), work.resolve("ingest/work"))
                        .load(file, null, "bench-" + round);
                ours = Math.max(ours, r.rowsRead() / seconds(t));
            }
            try (Warehouse w = Warehouse.open(WarehouseSettings.of(work.resolve("ingest/native-" + round + ".duckdb"), project.resolve("sql")))) {
                long t = System.nanoTime();
                w.execute("CREATE TABLE t AS SELECT * FROM read_csv(" + Warehouse.quoteLiteral(file.toString())
                        + ", delim = ';', header = true, all_varchar = true)");
                plain = Math.max(plain, w.queryLong("SELECT count(*) FROM t") / seconds(t));
            }
            naive = Math.max(naive, naive(context, slice, work.resolve("ingest/naive-" + round + ".duckdb"), naiveLines));
        }
        md.append("### Spend ingest, ").append(String.format("%,d", lines)).append("-line file (best of ").append(ROUNDS).append(" rounds)\n\n")
                .append("| path | rows/s | ratio |\n|---|---|---|\n")
                .append(String.format("| validated load (read_csv + SQL validation + staging, one transaction) | %,.0f | |%n", ours))
                .append(String.format("| DuckDB native `CREATE TABLE AS SELECT * FROM read_csv(...)` all text | %,.0f | ingest/native = %.2f |%n", plain, ours / plain))
                .append(String.format("| naive Spring Batch chunk step, JdbcBatchItemWriter into DuckDB (%,d-row slice) | %,.0f | ingest/naive = %.0f |%n%n",
                        naiveLines, naive, ours / naive));
    }

    private static void loadReference(Warehouse w, ReferenceData reference) {
        ReferenceData.TABLES.forEach((table, f) -> w.replaceReferenceTable(table, reference.directory().resolve(f)));
    }

    private static double naive(ConfigurableApplicationContext context, Path slice, Path target, int lines) throws Exception {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:duckdb:" + target, true);
        ds.setAutoCommit(false);
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE naive (department VARCHAR, year VARCHAR, category VARCHAR, supplier VARCHAR, staffel VARCHAR)");
            c.commit();
        }
        JobRepository repository = context.getBean(JobRepository.class);
        Step step = new StepBuilder("naive-jdbc", repository)
                .<String[], String[]>chunk(1000)
                .transactionManager(new DataSourceTransactionManager(ds))
                .reader(new FlatFileItemReaderBuilder<String[]>().name("naive").resource(new FileSystemResource(slice)).linesToSkip(1)
                        .delimited().delimiter(";").names("d", "y", "c", "s", "f").fieldSetMapper(fs -> fs.getValues()).build())
                .writer(new JdbcBatchItemWriterBuilder<String[]>().dataSource(ds)
                        .sql("INSERT INTO naive VALUES (?, ?, ?, ?, ?)")
                        .itemPreparedStatementSetter((item, ps) -> {
                            for (int i = 0; i < 5; i++) {
                                ps.setString(i + 1, item[i]);
                            }
                        }).build())
                .build();
        Job job = new JobBuilder("bench-naive", repository).start(step).build();
        long t = System.nanoTime();
        JobExecution e = context.getBean(JobOperator.class).start(job, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());
        double rate = lines / seconds(t);
        if (e.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("naive step " + e.getStatus() + " " + e.getAllFailureExceptions());
        }
        ds.destroy();
        return rate;
    }

    private static void nightly(StringBuilder md, ConfigurableApplicationContext context, double startup, ScaleGenerator.Generated data)
            throws Exception {
        Job job = context.getBean("nightlyJob", Job.class);
        AdminCalls calls = new AdminCalls(Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0")));
        for (int i = 0; i < 10; i++) {
            calls.health(); // warm-up: the first calls initialise the web layer and the security filters
        }
        List<Long> idle = new java.util.ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            idle.add(calls.health());
        }
        long t = System.nanoTime();
        java.util.concurrent.CompletableFuture<JobExecution> run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return context.getBean(JobOperator.class).start(job, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        // Calls spread over the run: one every 100 ms until it ends (the first 50 count if there are more).
        List<Long> during = new java.util.ArrayList<>();
        while (!run.isDone()) {
            during.add(calls.health());
            Thread.sleep(100);
        }
        JobExecution e = run.get();
        double total = seconds(t);
        Map<String, Double> phases = new LinkedHashMap<>();
        for (String phase : List.of("load", "models", "tests", "publish")) {
            phases.put(phase, 0.0);
        }
        long rows = 0;
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStartTime() == null || s.getEndTime() == null) {
                continue;
            }
            double secs = Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0;
            String name = s.getStepName();
            if (name.contains("-file:")) {
                rows += s.getReadCount();
                continue;
            }
            String phase = name.equals("build-models") ? "models" : name.equals("data-tests") ? "tests" : name.equals("publish") ? "publish" : "load";
            phases.merge(phase, secs, Double::sum);
        }
        md.append("### Nightly flow end to end\n\n")
                .append(String.format("Status %s, %,d rows read, %.1f s in all (application start %.1f s).%n%n", e.getStatus(), rows, total, startup))
                .append("| phase | seconds |\n|---|---|\n");
        phases.forEach((phase, secs) -> md.append(String.format("| %s | %.1f |%n", phase, secs)));
        md.append(String.format("%nPeak heap %,d MB; peak RSS %,d MB (DuckDB's memory is outside the Java heap).%n%n",
                peakHeapBytes() / (1 << 20), peakRssKb() / 1024));
        double nativeRead = nativeReadOfInputs(data);
        md.append(String.format("Figure 4: the nightly flow took **%.1fx** DuckDB's native read_csv of all its input files in this run"
                + " (%.1f s / %.1f s; target <= 15x).%n%n", total / nativeRead, total, nativeRead));
        List<Long> counted = during.subList(0, Math.min(CALLS, during.size()));
        md.append(String.format("Figure 6: admin API (`/actuator/health` as a steward) p99 idle %d ms (%d calls), during the nightly run"
                        + " %d ms (%d calls, one every 100 ms from the start; max %d ms): **%.2fx** (target <= 2x).%n%n",
                p99(idle), idle.size(), p99(counted), counted.size(), counted.stream().mapToLong(Long::longValue).max().orElse(0),
                (double) p99(counted) / Math.max(1, p99(idle))));
    }

    static long p99(List<Long> millis) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
    }

    /** DuckDB's own read of every input file of the nightly run (each landing folder's files, all text), in a fresh database. */
    static double nativeReadOfInputs(ScaleGenerator.Generated data) throws Exception {
        Path db = data.spendInbox().getParent().resolveSibling("native-inputs.duckdb");
        Files.deleteIfExists(db);
        long t = System.nanoTime();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db); var st = c.createStatement()) {
            int i = 0;
            for (Path inbox : List.of(data.spendInbox(), data.tenderInbox(), data.resultInbox())) {
                List<String> files;
                try (var list = Files.list(inbox)) {
                    files = list.filter(f -> f.toString().endsWith(".csv")).map(f -> Warehouse.quoteLiteral(f.toString())).sorted().toList();
                }
                if (!files.isEmpty()) {
                    st.execute("CREATE TABLE t" + (i++) + " AS SELECT * FROM read_csv([" + String.join(", ", files)
                            + "], all_varchar = true, union_by_name = true)");
                }
            }
        }
        return seconds(t);
    }

    /** GET /actuator/health as the bench's steward, in milliseconds. */
    static final class AdminCalls {
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        private final java.net.URI uri;
        private final String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("bench:" + BENCH_PASSWORD).getBytes());

        AdminCalls(int port) {
            this.uri = java.net.URI.create("http://localhost:" + port + "/actuator/health");
        }

        long health() throws Exception {
            long t = System.nanoTime();
            var response = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("health answered " + response.statusCode() + ": " + response.body());
            }
            return (System.nanoTime() - t) / 1_000_000;
        }
    }

    private static void rerun(StringBuilder md, ConfigurableApplicationContext context, Path spendInbox) throws Exception {
        // A steward reruns a partition after a reference-data fix: its current file is read again for that partition.
        // (A changed file is a new arrival, taken in by the nightly flow, not by a rerun: docs/arrival-order.md.)
        Path file = spendInbox.resolve("inkoopdata-2015-AZ.csv");
        if (!Files.exists(file)) {
            throw new IllegalStateException("the generated data has no " + file);
        }
        RunService runs = context.getBean(RunService.class);
        long t = System.nanoTime();
        JobExecution e = runs.awaitCompletion(runs.rerunPartition("spend", "AZ", 2015, null));
        lastRerunSeconds = seconds(t);
        md.append(String.format("### Rerun of one department-year (spend AZ 2015 read again from its current file, then models, tests, publication)%n%n%s in %.1f s",
                e.getStatus(), seconds(t)));
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStepName().equals("partition-reload") && s.getStartTime() != null && s.getEndTime() != null) {
                md.append(String.format("; the reload itself %.1f s", Duration.between(s.getStartTime(), s.getEndTime()).toMillis() / 1000.0));
            }
        }
        md.append(".\n");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static long peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
