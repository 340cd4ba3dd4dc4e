package nl.impactmonitor.jobs.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copies the data records of a UTF-8 delimited file (everything below its header) into the file DuckDB reads, each
 * record prefixed with the physical line it starts on and its number of fields. DuckDB's reader skips blank lines
 * and counts a quoted value spanning lines as one line, and it silently drops extra empty fields at the end of a
 * line; with the line and the count written in front, a reject names the line {@code sed -n Np} shows and a line
 * with a delimiter too many gets {@code malformed line} whatever its last field holds.
 *
 * <p>A header line repeated further down (two files pasted together) is recognised and not read as data: when its
 * columns are in another order, the records after it are written in the first header's order, so no value lands in
 * another column. The scan only follows quotes and line breaks (RFC 4180, {@code ""} inside a quoted value); the
 * fields themselves are still split, typed and validated by DuckDB and the source's SQL.
 */
public final class PhysicalLines {

    /** Columns in front of every copied record: the physical line, then the record's field count. */
    public static final int LINE_COLUMN = 1;
    public static final int FIELD_COUNT_COLUMN = 2;

    private PhysicalLines() {
    }

    /**
     * A header line found again among the data.
     *
     * @param reordered whether its columns are in another order than the first header's (the rows after it are read
     *                  in its order)
     */
    public record RepeatedHeader(long line, boolean reordered) {
    }

    /** The copy, and the header lines found again below the first. */
    public record Numbered(Path csv, List<RepeatedHeader> repeatedHeaders) {

        /** For the run table: where the header came again and what that meant for the rows after it. */
        public String warning() {
            if (repeatedHeaders.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (RepeatedHeader h : repeatedHeaders) {
                parts.add("line " + h.line() + " repeats the header" + (h.reordered()
                        ? " with its columns in another order: the rows after it are read in that order"
                        : ": not read as data"));
            }
            return String.join("; ", parts);
        }
    }

    /**
     * Writes {@code out} from {@code utf8File}, which has the header {@code header} (found by {@link HeaderLocator}).
     */
    public static Numbered copy(Path utf8File, HeaderLocator.Header header, SourceColumns columns, Path out) throws IOException {
        char delimiter = header.delimiter();
        List<String> firstHeader = header.cells().stream().map(SourceColumns::normalise).toList();
        List<RepeatedHeader> repeated = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        columns.columns().forEach(c -> aliases.addAll(c.aliases()));
        int longestAlias = aliases.stream().mapToInt(String::length).max().orElse(0);
        try (Reader in = new BufferedReader(Files.newBufferedReader(utf8File, StandardCharsets.UTF_8), 1 << 16);
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Scanner s = new Scanner(in, delimiter);
            long line = s.skipLines(header.linesBeforeData()) + 1;
            int[] order = null; // for records after a reordered header: first-header column j is field order[j] (or -1)
            int orderFields = 0;
            StringBuilder record = new StringBuilder();
            List<int[]> fields = new ArrayList<>();
            while (true) {
                record.setLength(0);
                fields.clear();
                int lines = s.record(record, fields);
                if (lines < 0) {
                    break;
                }
                if (record.isEmpty()) {
                    line += lines; // a blank line: no record, but a line of the file
                    continue;
                }
                List<String> cells = headerCandidate(record, fields, columns, aliases, longestAlias);
                if (cells != null) {
                    List<String> names = cells.stream().map(SourceColumns::normalise).toList();
                    int[] mapped = mapping(firstHeader, names, columns);
                    boolean reordered = names.size() != firstHeader.size()
                            || java.util.stream.IntStream.range(0, mapped.length).anyMatch(j -> mapped[j] != j && !firstHeader.get(j).isEmpty());
                    repeated.add(new RepeatedHeader(line, reordered));
                    order = reordered ? mapped : null;
                    orderFields = names.size();
                    line += lines;
                    continue;
                }
                w.write(Long.toString(line));
                w.write(delimiter);
                // text is never taken as typed: the mark of TypedValues is dropped from it
                boolean marked = record.indexOf(String.valueOf(TypedValues.MARK)) >= 0;
                if (order != null && fields.size() == orderFields) {
                    w.write(Integer.toString(firstHeader.size()));
                    for (int j = 0; j < order.length; j++) {
                        w.write(delimiter);
                        if (order[j] >= 0) {
                            int[] f = fields.get(order[j]);
                            w.append(marked ? TypedValues.text(record.substring(f[0], f[1])) : record.subSequence(f[0], f[1]));
                        }
                    }
                } else {
                    w.write(Integer.toString(fields.size()));
                    w.write(delimiter);
                    w.append(marked ? TypedValues.text(record.toString()) : record);
                }
                w.write('\n');
                line += lines;
            }
        }
        return new Numbered(out, List.copyOf(repeated));
    }

    /**
     * For each column of the first header, where the later header has it (or -1): by the same name, else by another
     * accepted name of the same source column ({@code Ministerie} above, {@code Departement} below).
     */
    private static int[] mapping(List<String> first, List<String> later, SourceColumns columns) {
        int[] order = new int[first.size()];
        for (int j = 0; j < first.size(); j++) {
            String name = first.get(j);
            int k = name.isEmpty() ? -1 : later.indexOf(name);
            if (k < 0 && !name.isEmpty()) {
                for (SourceColumns.Column column : columns.columns()) {
                    if (column.aliases().contains(name)) {
                        for (int i = 0; i < later.size() && k < 0; i++) {
                            if (column.aliases().contains(later.get(i))) {
                                k = i;
                            }
                        }
                    }
                }
            }
            order[j] = k;
        }
        return order;
    }

    /** The record's cells when it names every required column (a header), else null; cheap for data lines. */
    private static List<String> headerCandidate(CharSequence record, List<int[]> fields, SourceColumns columns, Set<String> aliases,
                                                int longestAlias) {
        int[] f0 = fields.get(0);
        if (f0[1] - f0[0] > longestAlias + 8) {
            return null;
        }
        String first = unquote(record, f0);
        String normalised = simple(first) ? first.strip().toLowerCase(Locale.ROOT) : SourceColumns.normalise(first);
        if (!aliases.contains(normalised)) {
            return null;
        }
        List<String> cells = new ArrayList<>(fields.size());
        for (int[] f : fields) {
            cells.add(unquote(record, f));
        }
        return HeaderLocator.matches(cells, columns) ? cells : null;
    }

    /** Whether normalising is only stripping and lower-casing (no runs of white space, no BOM): the fast path per line. */
    private static boolean simple(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c) && (c != ' ' || i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(CharSequence record, int[] field) {
        String text = record.subSequence(field[0], field[1]).toString();
        String trimmed = text.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }

    /** Reads records as DuckDB's reader splits them: line breaks inside a quoted value belong to the value. */
    private static final class Scanner {
        private final Reader in;
        private final char delimiter;
        private int pushed = -2;

        Scanner(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;

        // Our own buffer: a Reader's read() per character takes a lock each time (measured: 8 s for 1M lines).
        private int read() throws IOException {
            if (pushed != -2) {
                int c = pushed;
                pushed = -2;
                return c;
            }
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        /** Skips {@code n} physical lines (the header and what is above it); returns how many there were. */
        long skipLines(int n) throws IOException {
            long skipped = 0;
            int c;
            while (skipped < n && (c = read()) != -1) {
                if (c == '\n') {
                    skipped++;
                } else if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        pushed = next;
                    }
                    skipped++;
                }
            }
            return skipped;
        }

        /**
         * Reads one record into {@code record} (without its line break) and the [start, end) of each field; returns
         * the physical lines it took (line breaks read), or -1 at the end of the file. An empty record is a blank line.
         */
        int record(StringBuilder record, List<int[]> fields) throws IOException {
            int c = read();
            if (c == -1) {
                return -1;
            }
            int lines = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            int fieldFrom = 0;
            while (c != -1) {
                if (quoted) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            record.append("\"\"");
                        } else {
                            quoted = false;
                            record.append('"');
                            pushed = next;
                        }
                    } else {
                        if (c == '\n' || c == '\r' && peekNotNewline()) {
                            lines++;
                        }
                        record.append((char) c);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int next = read();
                        if (next != '\n') {
                            pushed = next;
                        }
                    }
                    lines++;
                    break;
                } else if (c == delimiter) {
                    fields.add(new int[] {fieldFrom, record.length()});
                    record.append((char) c);
                    fieldFrom = record.length();
                    fieldStart = true;
                    c = read();
                    continue;
                } else {
                    if (c == '"' && fieldStart) {
                        quoted = true;
                    }
                    record.append((char) c);
                }
                fieldStart = false;
                c = read();
            }
            if (c == -1 && !record.isEmpty() && lines == 0) {
                lines = 1; // the last line has no line break
            }
            fields.add(new int[] {fieldFrom, record.length()});
            return lines;
        }

        /** After a CR inside a quoted value: a CR LF pair counts once (at its LF). */
        private boolean peekNotNewline() throws IOException {
            int next = read();
            pushed = next;
            return next != '\n';
        }
    }
}
