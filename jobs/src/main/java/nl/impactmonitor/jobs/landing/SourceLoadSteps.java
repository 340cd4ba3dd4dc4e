package nl.impactmonitor.jobs.landing;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The three steps every source's load is made of: {@code <source>-fetch} (download into the landing folder,
 * when an address is configured or passed as job parameter {@code <source>.url}), {@code <source>-files}
 * (partitions of the landing folder's files in file-name order: one file each, or runs of files when there are more
 * files than {@code impactmonitor.load.max-file-steps}) and its worker {@code <source>-file}.
 * Job parameter {@code force.reload=true} loads files again even when their content was loaded before. Built once
 * per source of {@link Source}; each load job and the nightly flow run the same step objects.
 */
@Component
public class SourceLoadSteps {

    private final Map<Source, Load> loads = new EnumMap<>(Source.class);
    private final JobRepository jobRepository;

    /** One source's steps, as its load job and the nightly flow run them. */
    public record Load(Source source, Step fetch, Step files, Step inbox) {

        public SimpleJobBuilder then(SimpleJobBuilder flow) {
            return flow.next(fetch).next(files).next(inbox);
        }
    }

    public SourceLoadSteps(JobRepository jobRepository, PlatformTransactionManager tm, Warehouse warehouse, ImpactmonitorProperties props) {
        this.jobRepository = jobRepository;
        Path workDir = props.resolve(Path.of("var/work"));
        Path referenceDir = props.resolve(props.referenceDir());
        for (Source source : Source.all()) {
            Path inbox = source.inbox(props);
            Step file = fileStep(source.token(), jobRepository, tm, () -> new SourceFileLoader(warehouse, source.spec(),
                    SourceColumns.read(referenceDir.resolve(source.columnsFile())), workDir));
            loads.put(source, new Load(source, fetchStep(source, jobRepository, tm, inbox, source.settings(props).url()),
                    filesStep(source.token(), jobRepository, file, inbox, props.load()),
                    inboxStep(source.token(), jobRepository, tm, inbox, warehouse, props.load())));
        }
    }

    /** Job {@code <token>-load}: reference data, then the source's steps. */
    public Job job(Source source, Step referenceDataStep) {
        return loads.get(source).then(new JobBuilder(source.jobName(), jobRepository).start(referenceDataStep)).build();
    }

    /** Every source's steps, in the order of the list of sources. */
    public List<Load> all() {
        return List.copyOf(loads.values());
    }

    private static Step fetchStep(Source source, JobRepository jobRepository, PlatformTransactionManager tm, Path inbox, String configuredUrl) {
        Downloader downloader = new Downloader();
        return new StepBuilder(source.token() + "-fetch", jobRepository)
                .tasklet((contribution, chunk) -> {
                    FormerInbox.moveFiles(source, inbox);
                    var jobExecution = chunk.getStepContext().getStepExecution().getJobExecution();
                    String url = jobExecution.getJobParameters().getString(source.urlParameter(), configuredUrl);
                    if (url == null || url.isBlank()) {
                        contribution.setExitStatus(ExitStatus.NOOP);
                        return RepeatStatus.FINISHED;
                    }
                    Path file = downloader.fetch(url, inbox);
                    Map<String, String> downloads = new HashMap<>();
                    downloads.put(file.getFileName().toString(), Downloader.redact(url));
                    jobExecution.getExecutionContext().put(source.token() + FileLoadTasklet.DOWNLOADS_KEY_SUFFIX, downloads);
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    static Step filesStep(String source, JobRepository jobRepository, Step fileStep, Path inbox, ImpactmonitorProperties.Load load) {
        InboxPartitioner partitioner = new InboxPartitioner(inbox, load.maxFileSteps(), load.batchFiles(), load.settle());
        return new StepBuilder(source + "-files", jobRepository)
                .partitioner(source + "-file", partitioner)
                .partitionHandler(new FileNameOrderPartitionHandler(fileStep, partitioner))
                .build();
    }

    /**
     * Step {@code <source>-inbox}, after the files: files recorded in the warehouse that are no longer in the landing
     * folder are withdrawn (or kept, with {@code impactmonitor.load.keep-removed-files}); its exit description says which
     * partitions fell back to another file and which disappeared.
     */
    static Step inboxStep(String source, JobRepository jobRepository, PlatformTransactionManager tm, Path inbox,
                                 nl.impactmonitor.warehouse.Warehouse warehouse, ImpactmonitorProperties.Load load) {
        return new StepBuilder(source + "-inbox", jobRepository)
                .tasklet((contribution, chunk) -> {
                    java.util.Set<String> names = new java.util.HashSet<>();
                    InboxPartitioner.Listing listing = InboxPartitioner.scan(inbox, load.settle(), java.time.Clock.systemUTC());
                    for (Path p : listing.files()) {
                        names.add(p.getFileName().toString());
                    }
                    // A file still being written is still delivered: what it replaces keeps counting until it is loaded.
                    listing.skipped().stream().filter(InboxPartitioner.Skipped::waiting).forEach(w -> names.add(w.name()));
                    var withdrawals = warehouse.ledger().reconcile(source, names, load.keepRemovedFiles());
                    String notLoaded = listing.skipped().isEmpty() ? ""
                            : "; WARNING not loaded: " + String.join("; ", listing.skipped().stream().map(Object::toString).toList());
                    if (withdrawals.isEmpty()) {
                        contribution.setExitStatus(new ExitStatus(notLoaded.isEmpty() ? "COMPLETED" : "COMPLETED_WITH_WARNINGS",
                                listing.files().size() + " files in the landing folder" + notLoaded));
                    } else {
                        StringBuilder d = new StringBuilder();
                        for (var w : withdrawals) {
                            d.append(w.file()).append(" ").append(w.state());
                            if (!w.fellBack().isEmpty()) {
                                d.append("; falls back: ").append(String.join(", ", w.fellBack()));
                            }
                            if (!w.gone().isEmpty()) {
                                d.append("; WARNING no file left for ").append(String.join(", ", w.gone()));
                            }
                            d.append(". ");
                        }
                        contribution.setExitStatus(new ExitStatus(withdrawals.stream().anyMatch(w -> !w.gone().isEmpty()) || !notLoaded.isEmpty()
                                ? "COMPLETED_WITH_WARNINGS" : "COMPLETED", d.toString().strip() + notLoaded));
                    }
                    return RepeatStatus.FINISHED;
                }, tm)
                .allowStartIfComplete(true)
                .build();
    }

    static Step fileStep(String source, JobRepository jobRepository, PlatformTransactionManager tm,
                                FileLoadTasklet.SourceFileLoaderFactory loaders) {
        return new StepBuilder(source + "-file", jobRepository).tasklet(new FileLoadTasklet(source, loaders), tm).build();
    }
}
