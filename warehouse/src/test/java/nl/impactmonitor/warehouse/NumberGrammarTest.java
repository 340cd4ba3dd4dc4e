package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The number grammar of docs/sources/numbers.md, case by case, run through the SQL macros every validation query
 * uses ({@code number_notation}, {@code number_text}, {@code parse_quantity}, {@code ambiguous_number_reason}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumberGrammarTest {

    @TempDir
    static Path dir;
    Warehouse warehouse;

    @BeforeAll
    void open() {
        warehouse = TestWarehouses.open(dir);
    }

    @AfterAll
    void close() {
        warehouse.close();
    }

    /** A text, the notation its file column shows (null: none), the number read (null: rejected) and the text's own notation. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // plain digits
                row("250000", null, "250000", "plain"),
                row("0", null, "0", "plain"),
                row("-500", null, "-500", "plain"),
                row("+7", null, "7", "plain"),
                row("007", null, "7", "plain"),
                row("EUR 250000", null, "250000", "plain"),
                row("€ 1 500", null, "1500", "plain"),
                row("1\u00A0500", null, "1500", "plain"),
                // decimals: a leading 0 group is never a thousands group
                row("0,500", null, "0.5", "dutch"),
                row("0.500", null, "0.5", "english"),
                row("0.125", null, "0.125", "english"),
                row("0,001", null, "0.001", "dutch"),
                row("0.001", null, "0.001", "english"),
                row("-0,5", null, "-0.5", "dutch"),
                row("12,5", null, "12.5", "dutch"),
                row("1.5", null, "1.5", "english"),
                row("18,25", null, "18.25", "dutch"),
                row("1234,567", null, "1234.567", "dutch"),
                row("1234.567", null, "1234.567", "english"),
                row("12.3450", null, "12.345", "english"),
                row("1,2345", null, "1.2345", "dutch"),
                // thousands groups: more than one group, or with a decimal part, is unambiguous
                row("1.234.567", null, "1234567", "dutch"),
                row("1,234,567", null, "1234567", "english"),
                row("1.250.000,00", null, "1250000", "dutch"),
                row("1,250,000.00", null, "1250000", "english"),
                row("€ 87.500,50", null, "87500.5", "dutch"),
                row("1.234,567", null, "1234.567", "dutch"),
                row("1,234.5", null, "1234.5", "english"),
                row("-1.234,5", null, "-1234.5", "dutch"),
                // one separator, three digits: the file column decides, or the value is rejected
                row("1.500", null, null, "ambiguous"),
                row("1,500", null, null, "ambiguous"),
                row("12.345", null, null, "ambiguous"),
                row("999,999", null, null, "ambiguous"),
                row("1.500", "dutch", "1500", "ambiguous"),
                row("1.500", "english", "1.5", "ambiguous"),
                row("1,500", "dutch", "1.5", "ambiguous"),
                row("1,500", "english", "1500", "ambiguous"),
                row("12.345", "dutch", "12345", "ambiguous"),
                row("12.345", "english", "12.345", "ambiguous"),
                row("-1.500", "dutch", "-1500", "ambiguous"),
                // not numbers
                row("1.250.000.00", null, null, "invalid"),
                row("1.2.3", null, null, "invalid"),
                row("1,23,456", null, null, "invalid"),
                row("12.34.567", null, null, "invalid"),
                row("0.500.000", null, null, "invalid"),
                row("1.234,567.8", null, null, "invalid"),
                row("veel", null, null, "invalid"),
                row("ca. 200", null, null, "invalid"),
                row("12 MWh", null, null, "invalid"),
                row("1e3", null, null, "invalid"),
                row(",5", null, null, "invalid"),
                row("5,", null, null, "invalid"),
                row("", null, null, null),
                row("   ", null, null, null));
    }

    private static Arguments row(String text, String columnNotation, String number, String notation) {
        return Arguments.of(text, columnNotation, number, notation);
    }

    @ParameterizedTest(name = "''{0}'' in a {1} column reads as {2} ({3})")
    @MethodSource("cases")
    void textReadsAsNumber(String text, String columnNotation, String number, String notation) {
        List<String> read = warehouse.query(
                "SELECT CAST(parse_quantity(?, notation := ?) AS VARCHAR), number_notation(?)",
                rs -> rs.getString(1) + "|" + rs.getString(2), text, columnNotation, text);
        String expectedNumber = number == null ? null : new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
        String actualNumber = read.get(0).split("\\|")[0];
        actualNumber = actualNumber.equals("null") ? null : new java.math.BigDecimal(actualNumber).stripTrailingZeros().toPlainString();
        assertThat(actualNumber).as("number read from '%s'", text).isEqualTo(expectedNumber);
        assertThat(read.get(0).split("\\|")[1]).as("notation of '%s'", text).isEqualTo(String.valueOf(notation));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("reasons")
    void ambiguousValueGetsBothReadingsInItsReason(String text, String reason) {
        assertThat(warehouse.query("SELECT ambiguous_number_reason(?)", rs -> rs.getString(1), text)).containsExactly(reason);
    }

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("1.500", "ambiguous number '1.500': write 1500 or 1,5"),
                Arguments.of("1,500", "ambiguous number '1,500': write 1500 or 1.5"),
                Arguments.of("12.345", "ambiguous number '12.345': write 12345 or 12,3450"),
                Arguments.of("1.000", "ambiguous number '1.000': write 1000 or 1"),
                Arguments.of("-2.050", "ambiguous number '-2.050': write -2050 or -2,05"));
    }

    @ParameterizedTest(name = "column {0} shows {1}")
    @MethodSource("columns")
    void aColumnShowsItsNotationByItsUnambiguousValues(List<String> values, String notation) {
        StringBuilder rows = new StringBuilder();
        for (String v : values) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(").append(Warehouse.quoteLiteral(v)).append(")");
        }
        assertThat(warehouse.query("SELECT column_notation(bool_or(number_notation(x) = 'dutch'), bool_or(number_notation(x) = 'english'))"
                + " FROM (VALUES " + rows + ") AS t(x)", rs -> String.valueOf(rs.getString(1)))).containsExactly(notation);
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of(List.of("1.500", "12,5", "3"), "dutch"),
                Arguments.of(List.of("1.500", "2.000.000"), "dutch"),
                Arguments.of(List.of("1.500", "0.25"), "english"),
                Arguments.of(List.of("1,500", "1,234,567"), "english"),
                Arguments.of(List.of("1.500", "2000", "7"), "null"),
                Arguments.of(List.of("1.500", "12,5", "0.25"), "null"));
    }
}
