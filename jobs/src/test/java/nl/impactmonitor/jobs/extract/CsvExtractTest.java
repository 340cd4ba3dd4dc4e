package nl.impactmonitor.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells of the CSV extracts: Dutch Excel's decimal comma, and text that a spreadsheet would run as a formula. */
class CsvExtractTest {

    @Test
    void csvUsesTheDutchExcelDialectAndNeutralisesFormulas() {
        assertThat(CsvExtract.cell(new java.math.BigDecimal("24.800"))).isEqualTo("24,800");
        assertThat(CsvExtract.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvExtract.cell("+31 70")).isEqualTo("'+31 70");
        assertThat(CsvExtract.cell("-5")).isEqualTo("'-5");
        assertThat(CsvExtract.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExtract.cell(1500000L)).isEqualTo("1500000");
        assertThat(CsvExtract.cell("Café")).isEqualTo("Café");
    }
}
