package nl.impactmonitor.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The category view on {@link CategoryFixture}: every figure below is worked out by hand in the fixture's comment. */
class CategoryExtractsTest {

    @TempDir
    Path dir;

    private static List<String> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.replace("\uFEFF", "")).toList();
    }

    @Test
    void categoryExtractsHoldTheHandCheckedFigures() throws Exception {
        Path out = dir.resolve("out");
        try (Warehouse w = CategoryFixture.warehouse(dir)) {
            assertThat(w.query("SELECT source_file || ' line ' || line_no || ': ' || reason FROM raw.reject", rs -> rs.getString(1)))
                    .as("the fixture's rows all load").isEmpty();
            new Publisher((wh, version, d, reuse) -> Files.createDirectories(d), 5, "test").publish(w, out, "run-1");
        }
        Path cd = out.resolve("latest/categories/consumptieve-dienstverlening");
        assertThat(cd.resolve("spend.parquet")).isRegularFile();
        assertThat(cd.resolve("input_goals.json")).isRegularFile();

        // Spend per ministry and for the whole government, min;mid;max (EUR), share of the category's midpoint.
        assertThat(rows(cd.resolve("spend.csv"))).containsExactly(
                "category_code;year;department_code;category_name_nl;cost_category_count;spend_min_eur;spend_mid_eur;spend_max_eur;is_spend_max_unbounded;share_of_category_mid_pct",
                "consumptieve-dienstverlening;2023;FIN;Consumptieve dienstverlening;1;500001;750001;1000000;false;87,7",
                "consumptieve-dienstverlening;2023;OCW;Consumptieve dienstverlening;1;60002;105002;150000;false;12,3",
                "consumptieve-dienstverlening;2023;RIJK;Consumptieve dienstverlening;2;560003;855003;1150000;false;100,0");

        // Input goals over the four tenders: numerator;denominator;undetermined;share;target;status.
        List<String> goals = rows(cd.resolve("input_goals.csv"));
        assertThat(goals.get(0)).isEqualTo("category_code;year;goal_id;category_name_nl;goal_name_nl;goal_name_en;status;"
                + "numerator_tenders;denominator_tenders;undetermined_tenders;share_pct;target_share_pct;tender_count");
        assertThat(goals.subList(1, goals.size()).stream().map(CategoryExtractsTest::goalFigures).toList()).containsExactly(
                "I below_target 3/4 undetermined 0 share 75,0 target 100,00 of 4",
                "II below_target 2/3 undetermined 1 share 66,7 target 100,00 of 4",
                "III below_target 1/2 undetermined 1 share 50,0 target 100,00 of 4",
                "IV below_target 2/3 undetermined 0 share 66,7 target 100,00 of 4",
                "I_all no_target 3/4 undetermined 0 share 75,0 target  of 4",
                "I_ambition on_target 2/3 undetermined 0 share 66,7 target 50,00 of 4");

        // Summary: two ministries, four tenders, ISV answered by three and applied by two, three of them in scope.
        List<String> summary = rows(cd.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("category_code;year;category_name_nl;is_isv_risk_category;ministry_count;spend_min_eur;"
                + "spend_mid_eur;spend_max_eur;is_spend_max_unbounded;tender_count;isv_in_scope_tenders;isv_answered_tenders;"
                + "isv_applied_tenders;isv_coverage_pct;result_contract_count");
        assertThat(summary.get(1)).isEqualTo("consumptieve-dienstverlening;2023;Consumptieve dienstverlening;true;2;560003;855003;1150000;false;4;3;3;2;66,7;0");
        assertThat(rows(cd.resolve("results.csv"))).hasSize(1);

        // Energie has no spend and no tender, only FIN's electricity result (in MWh).
        Path energie = out.resolve("latest/categories/energie");
        assertThat(rows(energie.resolve("summary.csv")).get(1)).isEqualTo("energie;2023;Energie;true;0;;;;false;0;0;0;0;;1");
        List<String> results = rows(energie.resolve("results.csv"));
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).startsWith("energie;FIN-2021-0760;electricity_use;2023-01-01;2023-12-31;2023;FIN;Energie;")
                .contains(";43848,5");
        // Only categories with figures get a folder.
        try (var s = Files.list(out.resolve("latest/categories"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("consumptieve-dienstverlening", "energie");
        }
    }

    /**
     * A key with many rows gets its JSON file from a COPY of its own (DuckDB's partitioned JSON writer keeps a whole
     * partition in memory and failed the national nightly); with the limit lowered to one row every key with more than
     * one row takes that path, and every extract file is byte-identical to the one partitioned COPY writes.
     */
    @Test
    void largeKeysWriteTheSameJsonOnTheirOwn() throws Exception {
        Path normal = dir.resolve("normal");
        Path split = dir.resolve("split");
        long before = DepartmentExtracts.jsonRowsPerCopy;
        try (Warehouse w = CategoryFixture.warehouse(dir)) {
            Publisher publisher = new Publisher((wh, version, d, reuse) -> Files.createDirectories(d), 5, "test");
            publisher.publish(w, normal, "run-1");
            DepartmentExtracts.jsonRowsPerCopy = 1;
            publisher.publish(w, split, "run-1");
        } finally {
            DepartmentExtracts.jsonRowsPerCopy = before;
        }
        List<Path> json;
        try (var s = Files.walk(normal.resolve("run-1"))) {
            json = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("manifest.json")
                    && !p.getFileName().toString().equals("run.json")).toList();
        }
        assertThat(json).anyMatch(p -> p.toString().contains("categories/")).anyMatch(p -> p.toString().contains("departments/"));
        long multiRow = 0;
        for (Path p : json) {
            Path other = split.resolve("run-1").resolve(normal.resolve("run-1").relativize(p));
            assertThat(Files.readAllBytes(other)).as(p.toString()).isEqualTo(Files.readAllBytes(p));
            multiRow += Files.readString(p).split("\\},\\s*\\{").length > 1 ? 1 : 0;
        }
        assertThat(multiRow).as("files with more than one row, written on their own").isPositive();
    }

    /** goal status numerator/denominator undetermined share target of tenders, from a CSV row of input_goals.csv. */
    private static String goalFigures(String row) {
        String[] f = row.split(";", -1);
        return f[2] + " " + f[6] + " " + f[7] + "/" + f[8] + " undetermined " + f[9] + " share " + f[10] + " target " + f[11] + " of " + f[12];
    }
}
