package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

/**
 * A landing folder a test delivers into, with a clock for arrival times (a minute per delivery unless told), and a
 * night as the nightly flow runs it on that folder: every file landed in one batch, files that left the folder
 * withdrawn, every model built.
 */
public final class LandingFolder {

    private static final AtomicLong LOAD_IDS = new AtomicLong();

    private final Path dir;
    private final RawLoader.Spec spec;
    private final String source;
    private Instant clock = Instant.parse("2026-01-05T09:00:00Z");

    public LandingFolder(Path dir, RawLoader.Spec spec, String source) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.spec = spec;
        this.source = source;
    }

    public Path dir() {
        return dir;
    }

    /** The next arrival time: a minute after the previous one. */
    public Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    /** Delivers (or overwrites in place) a file, arriving now. */
    public Path deliver(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(tick()));
        return file;
    }

    /** Sets a file's arrival, as {@code cp -p} or {@code touch -d} would. */
    public void setArrival(String name, Instant at) throws IOException {
        Files.setLastModifiedTime(dir.resolve(name), FileTime.from(at));
    }

    public void remove(String name) throws IOException {
        Files.delete(dir.resolve(name));
    }

    /** Renames a file; like {@code mv}, it keeps its modification time, so its arrival. */
    public void rename(String from, String to) throws IOException {
        Files.move(dir.resolve(from), dir.resolve(to));
    }

    /** Copies a file under another name as {@code cp} does: a new arrival. */
    public void copy(String from, String to) throws IOException {
        Files.copy(dir.resolve(from), dir.resolve(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(dir.resolve(to), FileTime.from(tick()));
    }

    /** One night on this folder: load, withdraw what left, build the models. Returns each file's result. */
    public List<RawLoader.Result> night(Warehouse w, Path work, boolean buildModels) throws IOException {
        List<Path> files = InboxPartitioner.files(dir);
        List<RawLoader.Result> results = new ArrayList<>();
        if (!files.isEmpty()) {
            List<SourceFileLoader.Delivery> deliveries = new ArrayList<>();
            for (Path f : files) {
                deliveries.add(new SourceFileLoader.Delivery(f, null, source + "-t" + LOAD_IDS.incrementAndGet()));
            }
            results = new SourceFileLoader(w, spec, TestProject.columns(source), work).loadAll(deliveries, false, null);
        }
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        w.ledger().reconcile(source, names, false);
        if (buildModels) {
            w.models().buildAll();
        }
        return results;
    }
}
