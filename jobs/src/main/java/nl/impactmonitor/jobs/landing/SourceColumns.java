package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The columns a source file must or may have, each with the header names it goes by. Read from
 * {@code config/reference/<source>_columns.csv} so a steward can add a spelling without a code change.
 */
public record SourceColumns(Path file, List<Column> columns) {

    /** A raw column, whether the file must have it, and its accepted header names (normalised). */
    public record Column(String name, boolean required, List<String> aliases) {
    }

    public static SourceColumns read(Path file) {
        List<Column> columns = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String name = r.get("column").strip();
                if (name.isEmpty()) {
                    throw new IllegalStateException(file + " line " + (r.getRecordNumber() + 1) + ": column name is empty");
                }
                List<String> aliases = new ArrayList<>();
                aliases.add(normalise(name.replace("_raw", "")));
                Arrays.stream(r.get("aliases").split("\\|")).map(SourceColumns::normalise).filter(a -> !a.isEmpty()).forEach(aliases::add);
                columns.add(new Column(name, Boolean.parseBoolean(r.get("required").strip()), List.copyOf(aliases)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read column aliases " + file + ": " + e.getMessage(), e);
        }
        return new SourceColumns(file, List.copyOf(columns));
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Header text as compared with aliases: case, surrounding space, BOM and repeated spaces ignored. */
    public static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
