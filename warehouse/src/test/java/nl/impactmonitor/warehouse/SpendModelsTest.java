package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Appendix 4 method on a fixture small enough to check by hand: spend/staffel-arithmetic.csv.
 * Bounds and midpoints are Table 6's.
 */
class SpendModelsTest {

    @TempDir
    Path dir;
    Warehouse warehouse;

    @BeforeEach
    void load() {
        warehouse = TestWarehouses.open(dir);
        TestWarehouses.loadSpend(warehouse, "spend/staffel-arithmetic.csv", "load-1");
        warehouse.models().buildAll();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** min, mid, max (max null = unbounded) of one mart row. */
    private List<Object> figures(String department, int year, String spendClass) {
        return warehouse.query("""
                SELECT spend_min_eur, spend_mid_eur, spend_max_eur, is_spend_max_unbounded
                FROM marts.spend_by_department_year WHERE department_code = ? AND year = ? AND spend_class = ?""",
                rs -> java.util.Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)),
                department, year, spendClass).get(0);
    }

    @Test
    void categoryTotalInBandOneToTwelveGivesThatBand() {
        // ICT total staffel 5 (250,001 - 500,000, mid 375,001); its supplier lines (staffel 3 and 4) are not added.
        assertThat(category("AZ", "ICT")).containsExactly("category_total_band", 250_001L, 375_001L, 500_000L);
    }

    @Test
    void staffel13CategoryTotalIsSummedFromSupplierLines() {
        // Energie total staffel 13: supplier lines C (staffel 12) + D (staffel 11); E (staffel 0) left out.
        // min 100,000,001 + 50,000,001 = 150,000,002
        // mid 125,000,001 + 75,000,001 = 200,000,002
        // max 150,000,000 + 100,000,000 = 250,000,000
        assertThat(category("AZ", "Energie")).containsExactly("supplier_sum_staffel_13", 150_000_002L, 200_000_002L, 250_000_000L);
    }

    @Test
    void categoryWithoutTotalIsSupplierSumAndUnboundedWhenALineIsStaffel13() {
        // Defensiematerieel has no total line: F (staffel 7) + G (staffel 13)
        // min 1,000,001 + 150,000,001 = 151,000,002; mid 3,000,001 + 150,000,001 = 153,000,002; max: none.
        assertThat(category("AZ", "Defensiematerieel")).containsExactly("supplier_sum_no_total", 151_000_002L, 153_000_002L, null);
    }

    @Test
    void staffel0CategoryTotalIsLeftOut() {
        assertThat(category("AZ", "Communicatie")).containsExactly("excluded_staffel_0", 0L, 0L, 0L);
    }

    @Test
    void departmentFiguresAddUpPerClassAndInTotal() {
        // generic  = ICT + Energie + Communicatie: min 250,001 + 150,000,002 = 150,250,003;
        //            mid 375,001 + 200,000,002 = 200,375,003; max 500,000 + 250,000,000 = 250,500,000
        assertThat(figures("AZ", 2023, "generic")).containsExactly(150_250_003L, 200_375_003L, 250_500_000L, false);
        // specific = Defensiematerieel only
        assertThat(figures("AZ", 2023, "specific")).containsExactly(151_000_002L, 153_000_002L, null, true);
        // total: min 301,250,005; mid 353,375,005; max unbounded
        assertThat(figures("AZ", 2023, "total")).containsExactly(301_250_005L, 353_375_005L, null, true);
        // BZ: Gebouwen en installaties total staffel 1
        assertThat(figures("BZ", 2023, "total")).containsExactly(1L, 5_001L, 10_000L, false);
    }

    @Test
    void invalidLinesAreRejectedWithReasonAndAccounted() {
        Map<String, Object> load = warehouse.query("SELECT rows_read, rows_loaded, rows_rejected FROM raw.load WHERE load_id = 'load-1'",
                rs -> Map.<String, Object>of("read", rs.getLong(1), "loaded", rs.getLong(2), "rejected", rs.getLong(3))).get(0);
        assertThat(load).containsEntry("read", 16L).containsEntry("loaded", 13L).containsEntry("rejected", 3L);
        List<Map<String, Object>> rejects = warehouse.rawLoader().rejectsOf("load-1");
        assertThat(rejects).extracting(r -> r.get("line_no") + " " + r.get("column_name") + ": " + r.get("reason"))
                .containsExactly(
                        "15 department: unknown department 'Ministerie van Toverkunst' (a new spelling belongs in config/reference/department_aliases.csv)",
                        "16 staffel: staffel '7a' is not a band code 0-13",
                        "17 supplier: supplier is missing",
                        "17 year: year 1899 is outside 2000-" + (java.time.Year.now().getValue() + 1));
    }

    private List<Object> category(String department, String category) {
        return warehouse.query("""
                SELECT method, spend_min_eur, spend_mid_eur, spend_max_eur FROM core.int_spend_category_year
                WHERE department_code = ? AND year = 2023 AND hoofdkostensoort = ?""",
                rs -> java.util.Arrays.asList(rs.getString(1), rs.getObject(2), rs.getObject(3), rs.getObject(4)),
                department, category).get(0);
    }
}
