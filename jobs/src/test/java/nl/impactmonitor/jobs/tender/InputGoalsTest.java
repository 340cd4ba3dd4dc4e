package nl.impactmonitor.jobs.tender;

import nl.impactmonitor.jobs.landing.Source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input goals I-IV computed from MVI-ZET records, on fixtures written here row by row. */
class InputGoalsTest {

    static final String HEADER = "TenderNed publicatienummer;Ministerie;Type opdracht;Publicatiedatum;Geraamde waarde;"
            + "MVI productgroep;MVI criteria toegepast;Ambitieniveau;Weging maatschappelijke impact (%);Categoriemanagement;"
            + "Rijksinkoopcategorie;Social return toegepast;Loonsom;Looptijd (maanden);ISV toegepast;Datum mutatie";

    @TempDir
    Path dir;
    Warehouse warehouse;
    int files;

    @BeforeEach
    void open() {
        warehouse = TestProject.warehouse(dir);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private RawLoader.Result loadTenders(List<String> rows) throws IOException {
        Path file = dir.resolve("mvi-zet-" + (++files) + ".csv");
        Files.write(file, concat(HEADER, rows), StandardCharsets.UTF_8);
        return new SourceFileLoader(warehouse, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), dir.resolve("work"))
                .load(file, null, "tender-" + files);
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** numerator, denominator, undetermined, share, status of one goal. */
    private List<Object> goal(String department, String goalId) {
        return warehouse.query("""
                SELECT numerator_tenders, denominator_tenders, undetermined_tenders, share_pct, status
                FROM marts.input_goal_department_year WHERE department_code = ? AND year = 2023 AND goal_id = ?""",
                rs -> Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3),
                        rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).doubleValue(), rs.getString(5)),
                department, goalId).get(0);
    }

    @Test
    void fixtureShapedLikeTheJbr2023FiguresGivesThoseFigures() throws IOException {
        // 457 tenders for BZK in 2023:
        //   101 in relevant product groups (Catering): 81 with criteria (30 significant, 14 ambitious, 37 basis), 20 without;
        //   356 elsewhere (Onderzoek en advies): 219 with criteria, 137 without.
        //   => goal I 81/101 = 80.2%; all tenders 300/457 = 65.6%; significant or ambitious 44/81 = 54.3%.
        //   57 of them through category management, 12 of those with societal-impact weight >= 50%: 12/57 = 21.1%.
        List<String> rows = new ArrayList<>();
        int id = 500000;
        for (int i = 0; i < 457; i++) {
            boolean relevant = i < 101;
            boolean criteria = relevant ? i < 81 : i < 101 + 219;
            String ambition = !criteria ? "" : !relevant ? "Basis" : i < 30 ? "Significant" : i < 44 ? "Ambitieus" : "Basis";
            boolean categoryManagement = i >= 400;                    // 57 tenders: 400..456
            String weight = !categoryManagement ? "" : i < 412 ? "60" : "20";   // 12 of them at 60%
            rows.add(String.join(";", Integer.toString(id++), "BZK", "Leveringen", "15-03-2023", "€ 100.000,00",
                    relevant ? "Catering" : "Onderzoek en advies", criteria ? "Ja" : "Nee", ambition, weight,
                    categoryManagement ? "Ja" : "Nee", "", "Nee", "", "12", "Nee", ""));
        }
        RawLoader.Result result = loadTenders(rows);
        assertThat(result.rowsLoaded()).isEqualTo(457);
        warehouse.models().buildAll();

        assertThat(goal("BZK", "I")).containsExactly(81L, 101L, 0L, 80.2, "below_target");
        assertThat(goal("BZK", "I_all")).containsExactly(300L, 457L, 0L, 65.6, "no_target");
        assertThat(goal("BZK", "I_ambition")).containsExactly(44L, 81L, 0L, 54.3, "on_target");
        assertThat(goal("BZK", "II")).containsExactly(12L, 57L, 0L, 21.1, "below_target");
        // Rijksbreed from summed counts: BZK is the only department with data here.
        assertThat(goal("RIJK", "I")).containsExactly(81L, 101L, 0L, 80.2, "below_target");
    }

    @Test
    void euThresholdIsChosenByPublicationDateAtThePeriodBoundary() throws IOException {
        // ISV risk category Energie. Supplies/services threshold 140,000 up to 31-12-2023, 143,000 from 01-01-2024;
        // works 5,382,000 then 5,538,000. Values 142,000 and 5,400,000 lie between the two.
        loadTenders(List.of(
                "700001;IenW;Leveringen;31-12-2023;142.000,00;Elektriciteit;Ja;Basis;;Ja;Energie;Nee;;12;Ja;",
                "700002;IenW;Leveringen;01-01-2024;142.000,00;Elektriciteit;Ja;Basis;;Ja;Energie;Nee;;12;Nee;",
                "700003;IenW;Werken;2023-12-31;5.400.000;Elektriciteit;Ja;Basis;;Ja;Energie;Nee;;12;Nee;",
                "700004;IenW;Werken;2024-01-01;5.400.000;Elektriciteit;Ja;Basis;;Ja;Energie;Nee;;12;Nee;",
                "700005;IenW;Leveringen;15-06-2023;;Elektriciteit;Ja;Basis;;Ja;Energie;Nee;;12;Nee;"));
        warehouse.models().buildAll();
        assertThat(warehouse.query("SELECT publication_id, eu_threshold_eur, goal_iv_in_scope FROM core.fct_tender ORDER BY 1",
                rs -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getObject(3)))
                .containsExactly("700001 140000 true", "700002 143000 false", "700003 5382000 true", "700004 5538000 false",
                        "700005 140000 null");
        // 2023: 700001 (ISV applied) and 700003 (not) in scope; 700005 has no value: undetermined, not dropped.
        assertThat(goal("IenW", "IV")).containsExactly(1L, 2L, 1L, 50.0, "below_target");
    }

    @Test
    void rectifiedTenderCountsOnceWithItsLatestValues() throws IOException {
        loadTenders(List.of("800001;JenV;Diensten;01-03-2023;300.000,00;Catering;Nee;;;Nee;;Nee;400.000,00;24;Nee;01-03-2023"));
        loadTenders(List.of("800001;JenV;Diensten;01-03-2023;300.000,00;Catering;Ja;Ambitieus;;Nee;;Ja;400.000,00;24;Nee;10-04-2023"));
        // A late delivery of an older version must not undo the rectification.
        loadTenders(List.of("800001;JenV;Diensten;01-03-2023;300.000,00;Catering;Nee;;;Nee;;Nee;400.000,00;24;Nee;15-03-2023"));
        warehouse.models().buildAll();
        assertThat(warehouse.queryLong("SELECT count(*) FROM staging.tender_record")).isEqualTo(3);
        assertThat(warehouse.query("SELECT mvi_criteria_applied, ambition_level, version_count FROM core.fct_tender",
                rs -> rs.getBoolean(1) + " " + rs.getString(2) + " " + rs.getInt(3))).containsExactly("true ambitious 3");
        assertThat(goal("JenV", "I")).containsExactly(1L, 1L, 0L, 100.0, "on_target");
        // Social return: services, wage sum 400,000 >= 250,000, 24 >= 6 months: suitable, and applied.
        assertThat(goal("JenV", "III")).containsExactly(1L, 1L, 0L, 100.0, "on_target");
    }

    @Test
    void departmentWithSpendButNoMviZetDataHasNoDataNotZeroPercent() throws IOException {
        Path spend = dir.resolve("spend.csv");
        Files.writeString(spend, "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\nAZ;2023;ICT;Leverancier A;3\n");
        new SourceFileLoader(warehouse, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), dir.resolve("work")).load(spend, null, "spend-1");
        loadTenders(List.of("900001;BZ;Diensten;01-03-2023;300.000,00;Catering;Ja;Basis;;Nee;;Ja;;24;Nee;"));
        warehouse.models().buildAll();
        for (String goalId : List.of("I", "I_ambition", "II", "III", "IV")) {
            assertThat(goal("AZ", goalId)).as(goalId).containsExactly(null, null, null, null, "no_data");
        }
        // BZ's services tender has no wage sum: whether social return was due cannot be decided.
        assertThat(goal("BZ", "III")).containsExactly(0L, 0L, 1L, null, "not_applicable");
    }

    @Test
    void badTenderRowsAreRejectedWithReasons() throws IOException {
        RawLoader.Result result = loadTenders(List.of(
                "910001;Ministerie van Toverkunst;Diensten;01-03-2023;1.000;Catering;Ja;Basis;;Nee;;Nee;;6;Nee;",
                "910002;BZ;Diensten;31-02-2023;1.000;Catering;Ja;Basis;;Nee;;Nee;;6;Nee;",
                "910003;BZ;Diensten;01-03-2023;veel;Catering;Ja;Basis;;Nee;;Nee;;6;Nee;",
                ";BZ;Diensten;01-03-2023;1.000;Catering;Ja;Basis;;Nee;;Nee;;6;Nee;",
                "910005;BZ;Concessie;01-03-2023;1.000;Catering;Ja;Basis;;Nee;;Nee;;6;Nee;",
                "910006;BZ;Werken;01-03-2023;1.250.000,50;Catering;Ja;Significant;;Nee;;Nee;;6;Nee;"));
        assertThat(result.rowsRead()).isEqualTo(6);
        assertThat(result.rowsLoaded()).isEqualTo(1);
        assertThat(warehouse.rawLoader().rejectsOf(result.loadId())).extracting(r -> r.get("line_no") + " " + r.get("reason"))
                .containsExactly(
                        "2 unknown department 'Ministerie van Toverkunst' (a new spelling belongs in config/reference/department_aliases.csv)",
                        "3 publication date '31-02-2023' is not a date (dd-mm-yyyy or yyyy-mm-dd)",
                        "4 estimated value 'veel' is not an amount in euros",
                        "5 TenderNed publication number is missing",
                        "6 type of contract 'Concessie' is not leveringen, diensten or werken");
        assertThat(warehouse.query("SELECT estimated_value_eur FROM staging.tender_record", rs -> rs.getBigDecimal(1).toPlainString()))
                .containsExactly("1250000.50");
    }
}
