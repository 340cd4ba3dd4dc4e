package nl.impactmonitor.jobs.landing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.warehouse.RawLoader;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Worker step of a load job: lands the file (or the run of files) of its partition in one warehouse transaction.
 * DuckDB does the row work, so the step's counts are set from the load's own accounting: read = rows read,
 * write = rows loaded, process skips = rows rejected. The exit status says what became of the file (of a run:
 * the best outcome, with all outcomes counted in the description); {@code raw.load} has every file's own line.
 */
public final class FileLoadTasklet implements Tasklet {

    /** Job execution context key holding the download address of each fetched file name. */
    public static final String DOWNLOADS_KEY_SUFFIX = ".downloads";
    /** Job parameter: load files even when the same content was loaded before (after a reference-data fix). */
    public static final String FORCE_RELOAD_PARAMETER = "force.reload";
    private static final java.time.format.DateTimeFormatter LOAD_ID_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final String source;
    private final SourceFileLoaderFactory loaders;

    public FileLoadTasklet(String source, SourceFileLoaderFactory loaders) {
        this.source = source;
        this.loaders = loaders;
    }

    /** Makes a loader with the reference data of this moment (header aliases can change between runs). */
    @FunctionalInterface
    public interface SourceFileLoaderFactory {
        SourceFileLoader create();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        if (!step.getExecutionContext().containsKey(InboxPartitioner.FILES_KEY)) {
            throw new IllegalStateException(step.getStepName() + ": this partition lost its list of files in a crash and its file is no"
                    + " longer in the landing folder; start a new run (it loads the landing folder as it is now)");
        }
        List<Path> files = Arrays.stream(step.getExecutionContext().getString(InboxPartitioner.FILES_KEY).split("\n")).map(Path::of).toList();
        Object downloads = step.getJobExecution().getExecutionContext().get(source + DOWNLOADS_KEY_SUFFIX);
        boolean force = "true".equals(step.getJobExecution().getJobParameters().getString(FORCE_RELOAD_PARAMETER, "false"));
        String time = LOAD_ID_TIME.format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        List<SourceFileLoader.Delivery> deliveries = new ArrayList<>();
        for (Path file : files) {
            String uri = downloads instanceof Map<?, ?> m ? (String) m.get(file.getFileName().toString()) : null;
            // Unique without the job repository's counters, which restart when that database is replaced.
            String loadId = source + "-" + time + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            deliveries.add(new SourceFileLoader.Delivery(file, uri, loadId));
        }

        SourceFileLoader loader = loaders.create();
        List<RawLoader.Result> results = loader.loadAll(deliveries, force, null);

        step.setReadCount(results.stream().mapToLong(RawLoader.Result::rowsRead).sum());
        step.setWriteCount(results.stream().mapToLong(RawLoader.Result::rowsLoaded).sum());
        step.setProcessSkipCount(results.stream().mapToLong(RawLoader.Result::rowsRejected).sum());
        step.getExecutionContext().putString("load_id", String.join(",", results.stream().map(RawLoader.Result::loadId).toList()));
        if (results.size() == 1) {
            RawLoader.Result result = results.get(0);
            step.getExecutionContext().putString("load_status", result.status().name());
            // The run table says which partitions the file is current for and what it superseded.
            String supply = loader.supplySummary(files.get(0).getFileName().toString());
            contribution.setExitStatus(new ExitStatus(result.status().name(), files.get(0).getFileName() + ": "
                    + (supply.isEmpty() ? "" : supply + "; ") + result.message()));
        } else {
            // A run of files: the exit code is the best outcome among them, the description counts the outcomes.
            Map<RawLoader.Status, Long> outcomes = new EnumMap<>(RawLoader.Status.class);
            results.forEach(r -> outcomes.merge(r.status(), 1L, Long::sum));
            RawLoader.Status code = outcomes.keySet().iterator().next();
            contribution.setExitStatus(new ExitStatus(code.name(), files.size() + " files (" + files.get(0).getFileName() + " to "
                    + files.get(files.size() - 1).getFileName() + "): " + outcomes + "; " + step.getReadCount() + " rows read, "
                    + step.getWriteCount() + " loaded, " + step.getProcessSkipCount() + " rejected"));
        }
        return RepeatStatus.FINISHED;
    }
}
