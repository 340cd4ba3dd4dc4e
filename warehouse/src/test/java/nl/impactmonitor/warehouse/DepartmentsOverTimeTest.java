package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ministries are merged, split and renamed (config/reference/departments.csv): a file naming a department by a name of
 * another year loads under the code valid in the line's year, and a name no code links to in that year is refused.
 */
class DepartmentsOverTimeTest {

    @TempDir
    Path dir;
    Warehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = TestWarehouses.open(dir);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private String resolved(String code, int year) {
        return warehouse.query("SELECT coalesce(department_code, '-') || ' ' || coalesce(problem, '') FROM ref.department_year"
                + " WHERE named_code = ? AND year = ?", rs -> rs.getString(1).strip(), code, year).get(0);
    }

    @Test
    void eachNameStandsForTheCodeValidInItsYear() {
        // LNV was part of EZ from 2010 to 2017, LNV again 2017-2024, LVVN since 2024; a reorganisation year is on both sides.
        assertThat(resolved("LNV", 2015)).isEqualTo("EZ");
        assertThat(resolved("LNV", 2017)).isEqualTo("LNV");
        assertThat(resolved("LNV", 2024)).isEqualTo("LNV");
        assertThat(resolved("LNV", 2025)).isEqualTo("LVVN");
        assertThat(resolved("LVVN", 2020)).isEqualTo("LNV");
        assertThat(resolved("LVVN", 2015)).isEqualTo("EZ");
        // EZ 2010-2017, EZK 2017-2024 (split into EZ and KGG, EZ carrying on), EZ again since 2024.
        assertThat(resolved("EZ", 2015)).isEqualTo("EZ");
        assertThat(resolved("EZ", 2020)).isEqualTo("EZK");
        assertThat(resolved("EZ", 2025)).isEqualTo("EZ");
        assertThat(resolved("EZK", 2015)).isEqualTo("EZ");
        assertThat(resolved("EZK", 2025)).isEqualTo("EZ");
        assertThat(resolved("KGG", 2023)).isEqualTo("EZK");
        // VRO split off BZK in 2024; BZK carried on under its own code.
        assertThat(resolved("VRO", 2023)).isEqualTo("BZK");
        assertThat(resolved("BZK", 2025)).isEqualTo("BZK");
        // Before 2010 nothing links KGG to a ministry of this table.
        assertThat(resolved("KGG", 2005)).isEqualTo("- department KGG did not exist in 2005 (valid 2024-now)");
        assertThat(resolved("LNV", 2005)).isEqualTo("- department LNV did not exist in 2005 (valid 2017-2024)");
    }

    @Test
    void aSpendFileNamingEitherNameLoadsUnderTheCodeOfItsYear() throws IOException {
        Path file = Files.writeString(dir.resolve("reorganisaties.csv"), """
                departement;jaar;hoofdkostensoort;leverancier;staffel
                Landbouw;2015;ICT;Leverancier A;3
                Ministerie van Landbouw, Natuur en Voedselkwaliteit;2025;ICT;Leverancier A;3
                LVVN;2022;ICT;Leverancier A;3
                EZ;2022;ICT;Leverancier A;3
                Economische Zaken en Klimaat;2025;ICT;Leverancier A;3
                KGG;2023;ICT;Leverancier A;3
                Volkshuisvesting en Ruimtelijke Ordening;2023;ICT;Leverancier A;3
                KGG;2005;ICT;Leverancier A;3
                """);
        RawLoader.Result result = warehouse.rawLoader().load(TestWarehouses.SPEND,
                new RawLoader.DelimitedFile(file, ';', 1, 5, TestWarehouses.SPEND_COLUMNS),
                new RawLoader.Lineage("load-1", file.getFileName().toString(), null, "sha-1", "csv", "UTF-8"));
        assertThat(warehouse.query("SELECT line_no, department_code, year FROM staging.spend_line ORDER BY line_no",
                rs -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3)))
                .containsExactly("2 EZ 2015", "3 LVVN 2025", "4 LNV 2022", "5 EZK 2022", "6 EZ 2025", "7 EZK 2023", "8 BZK 2023");
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly("9 department KGG did not exist in 2005 (valid 2024-now)");

        // Following LVVN back in time: its figures are LNV's until 2024 and EZ's before 2017, each with its note.
        warehouse.ledger().record("spend", true, List.of(new InboxLedger.Seen(file.getFileName().toString(), "sha-1",
                InboxLedger.arrival(java.time.Instant.now()), "load-1")));
        warehouse.models().buildAll();
        assertThat(warehouse.query("SELECT year, figures_department_code, is_other_code, note_en FROM marts.department_history"
                        + " WHERE department_code = 'LVVN' AND year IN (2015, 2022, 2025) ORDER BY year",
                rs -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " " + rs.getString(4).substring(0, 24)))
                .containsExactly("2015 EZ true From 2010 to 2017 EZ als", "2022 LNV true LNV existed (again) from",
                        "2025 LVVN false The name of LNV since 20");
    }

    @Test
    void everyLinkNamesAKnownDepartmentAndPeriodsOfOneCodeDoNotOverlap() {
        assertThat(warehouse.query("SELECT department_code || ' ' || valid_from_year || '-' || coalesce(CAST(valid_to_year AS VARCHAR), 'now')"
                + " FROM ref.department WHERE department_code = 'EZ' ORDER BY valid_from_year", rs -> rs.getString(1)))
                .containsExactly("EZ 2010-2017", "EZ 2024-now");
        warehouse.models().buildAll();
        assertThat(warehouse.dataTests().runAll("run-1")).filteredOn(r -> r.name().startsWith("ref_department"))
                .extracting(r -> r.name() + " " + r.failingRows())
                .containsExactlyInAnyOrder("ref_department_alias_is_unambiguous 0", "ref_department_alias_names_known_department 0",
                        "ref_department_links_name_known_departments 0", "ref_department_periods_do_not_overlap 0");
    }
}
