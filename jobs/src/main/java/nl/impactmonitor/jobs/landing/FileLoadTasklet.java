package nl.impactmonitor.jobs.landing;

import java.nio.file.Path;
import java.util.Map;

import nl.impactmonitor.warehouse.RawLoader;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Worker step of a load job: lands the one file of its partition. DuckDB does the row work, so the step's
 * counts are set from the load's own accounting: read = rows read, write = rows loaded, process skips =
 * rows rejected. The exit status says what became of the file.
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
        Path file = Path.of(step.getExecutionContext().getString(InboxPartitioner.FILE_KEY));
        Object downloads = step.getJobExecution().getExecutionContext().get(source + DOWNLOADS_KEY_SUFFIX);
        String uri = downloads instanceof Map<?, ?> m ? (String) m.get(file.getFileName().toString()) : null;
        // Unique without the job repository's counters, which restart when that database is replaced.
        String loadId = source + "-" + LOAD_ID_TIME.format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        boolean force = "true".equals(step.getJobExecution().getJobParameters().getString(FORCE_RELOAD_PARAMETER, "false"));

        RawLoader.Result result = loaders.create().load(file, uri, loadId, force);

        step.setReadCount(result.rowsRead());
        step.setWriteCount(result.rowsLoaded());
        step.setProcessSkipCount(result.rowsRejected());
        step.getExecutionContext().putString("load_id", result.loadId());
        step.getExecutionContext().putString("load_status", result.status().name());
        contribution.setExitStatus(new ExitStatus(result.status().name(), file.getFileName() + ": " + result.message()));
        return RepeatStatus.FINISHED;
    }
}
