package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the header row of a UTF-8 delimited file and its delimiter: the first of the top rows whose cells
 * name every required column (title rows above it are skipped), trying {@code ;}, {@code ,}, tab and
 * {@code |}. Only the top of the file is read; DuckDB reads the rest.
 */
public final class HeaderLocator {

    static final int MAX_HEADER_SEARCH_ROWS = 30;
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};

    private HeaderLocator() {
    }

    /**
     * Where the data starts and which file column holds each raw column.
     *
     * @param linesBeforeData physical lines up to and including the header row
     * @param columnIndex raw column name to 1-based file column
     * @param cells the header row's cells as written
     */
    public record Header(char delimiter, int headerLine, int linesBeforeData, int columnCount, Map<String, Integer> columnIndex,
                         List<String> cells) {
    }

    /** Thrown when no row of the file's top can serve as header; the message says what is missing. */
    public static final class NoHeaderException extends Exception {
        NoHeaderException(String message) {
            super(message);
        }
    }

    public static Header locate(Path utf8File, SourceColumns columns) throws NoHeaderException {
        String bestProblem = null;
        int bestMatched = -1;
        for (char delimiter : DELIMITERS) {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
            try (Reader in = Files.newBufferedReader(utf8File, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(in, format)) {
                Iterator<CSVRecord> records = parser.iterator();
                for (int row = 0; row < MAX_HEADER_SEARCH_ROWS && records.hasNext(); row++) {
                    CSVRecord record = records.next();
                    Match match = match(record.toList(), columns);
                    if (match.problem() == null) {
                        int lines = (int) parser.getCurrentLineNumber();
                        return new Header(delimiter, lines, lines, record.size(), match.columnIndex(), record.toList());
                    }
                    if (match.columnIndex().size() > bestMatched) {
                        bestMatched = match.columnIndex().size();
                        bestProblem = "line " + (parser.getCurrentLineNumber()) + " looks most like a header but " + match.problem();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalStateException | UncheckedIOException e) {
                // Malformed quoting near the top with this delimiter: try the next one.
                if (bestProblem == null) {
                    bestProblem = "the top of the file cannot be parsed: " + e.getMessage();
                }
            }
        }
        throw new NoHeaderException("no header row found in the first " + MAX_HEADER_SEARCH_ROWS + " lines"
                + (bestProblem == null ? "" : "; " + bestProblem) + " (header names are configured in " + columns.file() + ")");
    }

    private record Match(Map<String, Integer> columnIndex, String problem) {
    }

    /** Whether these cells can serve as the header: every required column named, none twice. */
    static boolean matches(List<String> cells, SourceColumns columns) {
        return match(cells, columns).problem() == null;
    }

    private static Match match(List<String> record, SourceColumns columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SourceColumns.Column column : columns.columns()) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < record.size(); i++) {
                if (column.aliases().contains(SourceColumns.normalise(record.get(i)))) {
                    found.add(i + 1);
                }
            }
            if (found.size() == 1) {
                index.put(column.name(), found.get(0));
            } else if (found.size() > 1) {
                problems.add("column '" + column.aliases().get(0) + "' appears " + found.size() + " times (columns " + found + ")");
            } else if (column.required()) {
                problems.add("it has no column for '" + column.aliases().get(0) + "' (accepted names: "
                        + String.join(", ", column.aliases()) + ")");
            }
        }
        return new Match(index, problems.isEmpty() ? null : String.join("; ", problems));
    }
}
