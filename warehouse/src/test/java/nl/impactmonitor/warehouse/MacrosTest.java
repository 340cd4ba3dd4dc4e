package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macros of sql/macros/ are (re)applied on every start, whatever an earlier start or migration left. */
class MacrosTest {

    @TempDir
    Path dir;

    @Test
    void macrosAreAppliedOnEveryStart() {
        try (Warehouse w = TestWarehouses.open(dir)) {
            assertThat(w.query("SELECT parse_amount('1.234,50')", rs -> rs.getBigDecimal(1))).containsExactly(new BigDecimal("1234.50"));
            // A file that was opened before with another definition (as a later migration would have left it)
            w.execute("CREATE OR REPLACE MACRO parse_amount(x, notation := NULL) AS CAST(-1 AS DECIMAL(18, 2))");
            assertThat(w.query("SELECT parse_amount('1.234,50')", rs -> rs.getBigDecimal(1))).containsExactly(new BigDecimal("-1.00"));
        }
        try (Warehouse w = TestWarehouses.open(dir)) {
            // ... gets the definition in sql/macros/20_numbers.sql back at the next start.
            assertThat(w.query("SELECT parse_amount('1.234,50')", rs -> rs.getBigDecimal(1))).containsExactly(new BigDecimal("1234.50"));
            assertThat(w.query("SELECT reason_years([2021, 2022, 2023]), name_key('Grond-, weg- en waterbouw'), parse_date('31-12-2023')",
                    rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)))
                    .containsExactly("2021–2023 grondwegenwaterbouw 2023-12-31");
        }
    }
}
