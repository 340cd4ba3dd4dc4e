package nl.impactmonitor.jobs.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings under {@code impactmonitor.*} (config/application.yml). Relative paths are resolved
 * against {@code home}, the project folder the service runs in; {@code home} itself, when relative (the default
 * {@code .}), against the working directory.
 */
@ConfigurationProperties("impactmonitor")
public record ImpactmonitorProperties(
        @DefaultValue(".") Path home,
        @DefaultValue("sql") Path sqlDir,
        @DefaultValue("config/reference") Path referenceDir,
        @DefaultValue("config/targets.yaml") Path targetsFile,
        @DefaultValue("var/out") Path outDir,
        @DefaultValue("var/downloads") Path downloadsDir,
        @DefaultValue("5") int publicationsKept,
        @DefaultValue Warehouse warehouse,
        Source spend,
        Source tender,
        Source result,
        @Deprecated Source results,
        @DefaultValue Load load) {

    /**
     * How load jobs split a landing folder into steps: up to {@code maxFileSteps} files each file is its own step;
     * more files go in runs of consecutive files, each landed as one batch (one validation, one warehouse
     * transaction), of {@code batchFiles} files or more (so that there are at most {@code maxFileSteps} steps):
     * ten thousand small files do not cost ten thousand rounds. {@code keepRemovedFiles}: a file that leaves a landing
     * folder keeps counting (for folders an archiver empties) instead of being withdrawn. {@code settle}: a file
     * modified less than this long ago is still being written and is left for the next run (0: no wait).
     */
    public record Load(@DefaultValue("100") int maxFileSteps, @DefaultValue("250") int batchFiles,
                       @DefaultValue("false") boolean keepRemovedFiles, @DefaultValue("0s") java.time.Duration settle) {
    }

    public record Warehouse(
            @DefaultValue("var/warehouse/impactmonitor.duckdb") Path file,
            @DefaultValue("") String memoryLimit,
            @DefaultValue("0") int threads) {
    }

    /**
     * One source's landing: a folder whose files are loaded ({@code var/inbox/<token>} when not set), and optionally a
     * download address fetched into it first.
     */
    public record Source(
            Path inbox,
            @DefaultValue("") String url) {
    }

    /**
     * The settings {@code impactmonitor.<token>.*} of a source (the list of sources is jobs' landing.Source). The
     * settings {@code impactmonitor.result.*} of before V017 still count, for one release, when
     * {@code impactmonitor.result.*} is not set.
     */
    public Source source(String token) {
        Source configured = switch (token) {
            case "spend" -> spend;
            case "tender" -> tender;
            case "result" -> result != null ? result : results;
            default -> throw new IllegalArgumentException("no settings for source '" + token + "'");
        };
        Path inbox = configured == null || configured.inbox() == null ? Path.of("var/inbox", token) : configured.inbox();
        return new Source(inbox, configured == null || configured.url() == null ? "" : configured.url());
    }

    public ImpactmonitorProperties {
        // Every path the service logs, shows or passes on is absolute: the home is fixed once, at binding time,
        // against the working directory the process was started in.
        home = home.toAbsolutePath().normalize();
        if (results != null && result == null) {
            org.slf4j.LoggerFactory.getLogger(ImpactmonitorProperties.class)
                    .warn("Settings impactmonitor.result.* are the old name of impactmonitor.result.*: they are used for this release; rename them");
        }
    }

    public Path resolve(Path path) {
        return home.resolve(path).normalize();
    }
}
