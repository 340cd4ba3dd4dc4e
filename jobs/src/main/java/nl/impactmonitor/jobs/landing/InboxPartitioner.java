package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per file in a landing folder, in name order, so every file gets its own step execution with
 * its own counts, and a restart re-runs only the files that failed.
 */
public final class InboxPartitioner implements Partitioner {

    public static final String FILE_KEY = "file";
    /** Spring Batch keeps step names to 100 characters; the worker step's name and a colon come first. */
    private static final int MAX_KEY_LENGTH = 80;

    private final Path inbox;

    public InboxPartitioner(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            Files.createDirectories(inbox);
            try (Stream<Path> files = Files.list(inbox)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList()) {
                    String key = file.getFileName().toString();
                    if (key.length() > MAX_KEY_LENGTH) {
                        key = key.substring(0, MAX_KEY_LENGTH - 8) + "~" + Integer.toHexString(key.hashCode());
                    }
                    ExecutionContext context = new ExecutionContext();
                    context.putString(FILE_KEY, file.toAbsolutePath().toString());
                    partitions.put(key, context);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list landing folder " + inbox.toAbsolutePath(), e);
        }
        return partitions;
    }
}
