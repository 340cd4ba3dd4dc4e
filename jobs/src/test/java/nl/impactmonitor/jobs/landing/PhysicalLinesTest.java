package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.impactmonitor.jobs.TestProject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy DuckDB reads names each record by the physical line it starts on (what {@code sed -n Np} shows) and its
 * field count, and reads rows after a reordered repeated header in that header's order.
 */
class PhysicalLinesTest {

    static final String HEADER = "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel";

    @TempDir
    Path dir;

    @Test
    void blankLinesAndLineBreaksInQuotedValuesCountAsTheFileHasThem() throws Exception {
        List<List<String>> rows = copy(HEADER + "\nAZ;2023;ICT;\"Twee\nregels\";3\n\n\nAZ;2023;ICT;Na lege regels;4\r\nAZ;2023;ICT;Laatste;5");
        assertThat(rows).containsExactly(
                List.of("2", "5", "AZ", "2023", "ICT", "Twee\nregels", "3"),
                List.of("6", "5", "AZ", "2023", "ICT", "Na lege regels", "4"),
                List.of("7", "5", "AZ", "2023", "ICT", "Laatste", "5"));
    }

    @Test
    void aDelimiterTooManyIsCountedEvenWhenTheExtraFieldsAreEmpty() throws Exception {
        List<List<String>> rows = copy(HEADER + "\nAZ;2023;ICT;Catering; schoonmaak;\nAZ;2023;ICT;Kort\n");
        assertThat(rows).extracting(r -> r.get(0) + ": " + r.get(1) + " fields").containsExactly("2: 6 fields", "3: 4 fields");
    }

    @Test
    void aRepeatedHeaderIsNotDataAndRowsAfterAReorderedOneAreReadInItsOrder() throws Exception {
        Path file = write(HEADER + "\nAZ;2023;ICT;Eerste;3\n" + HEADER + "\nAZ;2023;ICT;Tweede;4\n\n"
                + "Ministerie;Jaar;Leverancier;Hoofdkostensoort;Staffel\nAZ;2023;Derde B.V.;Catering;5\n");
        PhysicalLines.Numbered numbered = PhysicalLines.copy(file, header(file), TestProject.columns(Source.SPEND.token()), dir.resolve("out.csv"));
        assertThat(read(numbered.csv())).containsExactly(
                List.of("2", "5", "AZ", "2023", "ICT", "Eerste", "3"),
                List.of("4", "5", "AZ", "2023", "ICT", "Tweede", "4"),
                List.of("7", "5", "AZ", "2023", "Catering", "Derde B.V.", "5"));
        assertThat(numbered.repeatedHeaders()).containsExactly(new PhysicalLines.RepeatedHeader(3, false), new PhysicalLines.RepeatedHeader(6, true));
        assertThat(numbered.warning()).isEqualTo("line 3 repeats the header: not read as data; line 6 repeats the header with its columns"
                + " in another order: the rows after it are read in that order");
    }

    @Test
    void aRepeatedHeaderMayUseOtherAcceptedNamesForItsColumns() throws Exception {
        List<List<String>> rows = copy(HEADER + "\nAZ;2023;ICT;Eerste;3\nStaffel;Leverancier;Kostensoort;Boekjaar;Departement\n5;Tweede B.V.;Catering;2023;BZ\n");
        assertThat(rows).containsExactly(
                List.of("2", "5", "AZ", "2023", "ICT", "Eerste", "3"),
                List.of("4", "5", "BZ", "2023", "Catering", "Tweede B.V.", "5"));
    }

    /**
     * Seeded random files (quoted values with delimiters, doubled quotes and line breaks, blank lines, LF and CRLF):
     * every record comes out with the line it starts on, counted independently while the file was written, and its
     * fields unchanged.
     */
    @Test
    void everyRecordKeepsItsStartLineAndFields() throws Exception {
        Random random = new Random(16);
        for (int file = 0; file < 200; file++) {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            int line = 2;
            List<List<String>> expected = new ArrayList<>();
            int records = 1 + random.nextInt(12);
            for (int r = 0; r < records; r++) {
                while (random.nextInt(4) == 0) {
                    text.append(random.nextBoolean() ? "\n" : "\r\n");
                    line++;
                }
                List<String> fields = new ArrayList<>(List.of(Integer.toString(line), "5"));
                for (int f = 0; f < 5; f++) {
                    String value = switch (random.nextInt(5)) {
                        case 0 -> "a;b";
                        case 1 -> "regel\n" + (random.nextBoolean() ? "twee" : "\r\ntwee\nen drie");
                        case 2 -> "zeg \"ja\"";
                        case 3 -> "";
                        default -> "v" + random.nextInt(1000);
                    };
                    boolean quote = value.contains(";") || value.contains("\n") || value.contains("\"") || random.nextInt(5) == 0;
                    text.append(f == 0 ? "" : ";").append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
                    fields.add(value);
                    line += (int) value.chars().filter(c -> c == '\n').count();
                }
                expected.add(fields);
                boolean last = r == records - 1;
                if (!last || random.nextBoolean()) {
                    text.append(random.nextBoolean() ? "\n" : "\r\n");
                }
                line++;
            }
            assertThat(copy(text.toString())).as("file %d:\n%s", file, text).isEqualTo(expected);
        }
    }

    private List<List<String>> copy(String text) throws Exception {
        Path file = write(text);
        return read(PhysicalLines.copy(file, header(file), TestProject.columns(Source.SPEND.token()), dir.resolve("out.csv")).csv());
    }

    private HeaderLocator.Header header(Path file) throws HeaderLocator.NoHeaderException {
        return HeaderLocator.locate(file, TestProject.columns(Source.SPEND.token()));
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("in.csv"), text, StandardCharsets.UTF_8);
    }

    private static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(in)) {
                rows.add(r.toList());
            }
        }
        return rows;
    }
}
