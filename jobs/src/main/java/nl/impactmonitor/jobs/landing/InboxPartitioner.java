package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Partitions of a landing folder's files, in arrival order (modification time, ties by name; which file counts for a
 * partition follows from arrival times whatever the order of loading, see {@code InboxLedger}, but the run table
 * then reads as the deliveries happened): one file per partition while the folder holds at most
 * {@code maxPartitions} files, so every file gets its own step execution with its own counts and a restart
 * re-runs only the files that failed; beyond that, runs of at least {@code batchFiles} consecutive files share a
 * partition (and a restart re-runs the runs that failed), so that the number of steps and the per-batch work
 * (a validation query, a transaction) stay small next to the files' own.
 */
public final class InboxPartitioner implements Partitioner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InboxPartitioner.class);

    /** Execution context key: the partition's files, absolute paths separated by newlines, in arrival order. */
    public static final String FILES_KEY = "files";
    /** Execution context key: the partition's place in arrival order (the steps run in this order). */
    public static final String ORDER_KEY = "arrival.order";
    /** Spring Batch keeps step names to 100 characters; the worker step's name and a colon come first. */
    private static final int MAX_KEY_LENGTH = 80;

    private final Path inbox;
    private final int maxPartitions;
    private final int batchFiles;

    private final java.time.Duration settle;

    public InboxPartitioner(Path inbox, int maxPartitions, int batchFiles) {
        this(inbox, maxPartitions, batchFiles, java.time.Duration.ZERO);
    }

    public InboxPartitioner(Path inbox, int maxPartitions, int batchFiles, java.time.Duration settle) {
        this.settle = settle;
        this.inbox = inbox;
        this.maxPartitions = Math.max(1, maxPartitions);
        this.batchFiles = Math.max(1, batchFiles);
    }

    /**
     * Files in arrival order: modification time to the second, ties by name. Which file counts does not depend on the
     * order of loading, but the run table then reads as the deliveries happened: a file's row names the earlier files
     * it superseded.
     */
    static List<Path> inArrivalOrder(List<Path> files) throws IOException {
        java.util.Map<Path, java.time.Instant> arrival = new java.util.HashMap<>();
        for (Path f : files) {
            arrival.put(f, Files.getLastModifiedTime(f).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return files.stream().sorted(java.util.Comparator.comparing((Path f) -> arrival.get(f))
                .thenComparing(f -> f.getFileName().toString())).toList();
    }

    /** The files of a landing folder, in name order: regular files whose name does not start with a dot. */
    public static List<Path> files(Path inbox) throws IOException {
        return scan(inbox, java.time.Duration.ZERO, java.time.Clock.systemUTC()).files();
    }

    /** An entry of a landing folder that is not loaded, and why; {@code waiting}: it may be loaded by a later run. */
    public record Skipped(String name, String reason, boolean waiting) {
        @Override
        public String toString() {
            return name + " (" + reason + ")";
        }
    }

    /** What a landing folder holds: the files to load, in name order, and the entries left alone. */
    public record Listing(List<Path> files, List<Skipped> skipped) {
    }

    /** Names that say a delivery is still being copied or downloaded. */
    static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".partial", ".crdownload", ".filepart");

    /**
     * The landing folder's entries: regular files (names starting with a dot are ignored, as the fetch's own partial
     * downloads) are loaded; symbolic links and folders are not followed, names with control characters are not opened,
     * and files still being delivered (an in-progress name, or modified within {@code settle}) wait for the next run.
     */
    public static Listing scan(Path inbox, java.time.Duration settle, java.time.Clock clock) throws IOException {
        Files.createDirectories(inbox);
        List<Path> files = new java.util.ArrayList<>();
        List<Skipped> skipped = new java.util.ArrayList<>();
        java.time.Instant now = clock.instant();
        List<Path> entries;
        try (Stream<Path> listing = Files.list(inbox)) {
            entries = listing.sorted().toList();
        }
        for (Path p : entries) {
            String raw = p.getFileName().toString();
            if (raw.startsWith(".")) {
                continue;
            }
            String name = raw.replaceAll("\\p{Cntrl}", "?");
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            if (Files.isSymbolicLink(p)) {
                skipped.add(new Skipped(name, "symbolic link, not followed: put the file itself in the landing folder", false));
            } else if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new Skipped(name, "a folder, not read: landing folders are flat, move its files up", false));
            } else if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new Skipped(name, "not a regular file", false));
            } else if (!raw.equals(name)) {
                skipped.add(new Skipped(name, "file name contains control characters (such as a newline): rename the file", false));
            } else if (IN_PROGRESS.stream().anyMatch(lower::endsWith)) {
                skipped.add(new Skipped(name, "still being delivered (name ends in " + lower.substring(lower.lastIndexOf('.'))
                        + "): left for the next run", true));
            } else if (!settle.isZero() && Files.getLastModifiedTime(p).toInstant().isAfter(now.minus(settle))) {
                long ago = Math.max(0, java.time.Duration.between(Files.getLastModifiedTime(p).toInstant(), now).toSeconds());
                skipped.add(new Skipped(name, "still being written (modified " + ago + " s ago, settle time " + settle.toSeconds()
                        + " s): left for the next run", true));
            } else {
                files.add(p);
            }
        }
        return new Listing(files, skipped);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            Listing listing = scan(inbox, settle, java.time.Clock.systemUTC());
            for (Skipped skipped : listing.skipped()) {
                log.warn("Landing folder {}: {} is not loaded: {}", inbox.toAbsolutePath(), skipped.name(), skipped.reason());
            }
            List<Path> files = inArrivalOrder(listing.files());
            int perPartition = files.size() <= maxPartitions ? 1
                    : Math.max(batchFiles, (files.size() + maxPartitions - 1) / maxPartitions);
            for (int from = 0; from < files.size(); from += perPartition) {
                List<Path> group = files.subList(from, Math.min(files.size(), from + perPartition));
                String key = group.get(0).getFileName().toString();
                String more = group.size() == 1 ? "" : " (+" + (group.size() - 1) + ")";
                if (key.length() + more.length() > MAX_KEY_LENGTH) {
                    key = key.substring(0, MAX_KEY_LENGTH - 8 - more.length()) + "~" + Integer.toHexString(key.hashCode());
                }
                ExecutionContext context = new ExecutionContext();
                context.putString(FILES_KEY, String.join("\n", group.stream().map(p -> p.toAbsolutePath().toString()).toList()));
                context.putInt(ORDER_KEY, from);
                partitions.put(key + more, context);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list landing folder " + inbox.toAbsolutePath(), e);
        }
        return partitions;
    }
}
