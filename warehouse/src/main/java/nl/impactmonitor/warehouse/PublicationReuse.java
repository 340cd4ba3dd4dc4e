package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lets a publication take over files of the previous one whose source rows have not changed, as hard links, so a
 * night without new deliveries or a one-partition rerun writes only what changed. Each unit of output (a lake
 * partition, one department's extract files, ...) has a fingerprint of its rows: their count and the sum of their
 * row hashes, computed by DuckDB in one grouped scan per table. A unit whose fingerprint equals the previous
 * publication's, written by the same code version, is linked instead of written. The fingerprints are kept in
 * {@code fingerprints.tsv} beside the files.
 */
public final class PublicationReuse {

    public static final String FILE = "fingerprints.tsv";

    private final Path previous;
    private final Map<String, String> before;
    private final Map<String, String> now = new TreeMap<>();
    private final Set<String> linked = new TreeSet<>();

    private PublicationReuse(Path previous, Map<String, String> before) {
        this.previous = previous;
        this.before = before;
    }

    /** Nothing to reuse: every unit is written. */
    public static PublicationReuse none() {
        return new PublicationReuse(null, Map.of());
    }

    /**
     * Reuse from {@code previousPublication} when it exists and was written by {@code codeVersion}; otherwise nothing
     * is reused (new code may write different bytes for the same rows).
     */
    public static PublicationReuse from(Path previousPublication, String codeVersion) {
        Path file = previousPublication == null ? null : previousPublication.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("# code " + codeVersion)) {
                return none();
            }
            Map<String, String> before = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    before.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return new PublicationReuse(previousPublication, before);
        } catch (IOException e) {
            return none();
        }
    }

    /**
     * Records a unit's fingerprint and, when the previous publication has the same one and still holds the unit's
     * files, links them into {@code dir}; returns whether it did (the caller writes the unit otherwise).
     *
     * @param files the unit's files, relative to the publication folder
     */
    public boolean linkIfUnchanged(String unit, String fingerprint, List<String> files, Path dir) {
        now.put(unit, fingerprint);
        if (previous == null || !fingerprint.equals(before.get(unit)) || files.isEmpty()
                || !files.stream().allMatch(f -> Files.isRegularFile(previous.resolve(f)))) {
            return false;
        }
        try {
            for (String f : files) {
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.createLink(target, previous.resolve(f));
                linked.add(f);
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            throw new WarehouseException("Cannot link " + files + " from " + previous + " into " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The files below {@code folder} (relative to the previous publication), or none when there is no previous one. */
    public List<String> previousFiles(String folder) {
        if (previous == null || !Files.isDirectory(previous.resolve(folder))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(previous.resolve(folder))) {
            List<String> relative = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(p -> relative.add(previous.relativize(p).toString().replace('\\', '/')));
            return relative;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Files linked from the previous publication, relative to the publication folder. */
    public Set<String> linkedFiles() {
        return linked;
    }

    /** The previous publication, or null. */
    public Path previous() {
        return previous;
    }

    /** Writes this publication's fingerprints into {@code dir}. */
    public void write(Path dir, String codeVersion) {
        StringBuilder text = new StringBuilder("# code ").append(codeVersion).append('\n');
        now.forEach((unit, fp) -> text.append(unit).append('\t').append(fp).append('\n'));
        try {
            Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WarehouseException("Cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The SQL expression of a fingerprint over rows aliased {@code t}: row count and the sum of the row hashes. */
    public static String fingerprintSql(String alias) {
        return "count(*) || ':' || coalesce(CAST(sum(hash(" + alias + ")) AS VARCHAR), '0')";
    }
}
