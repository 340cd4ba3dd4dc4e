package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.warehouse.RawLoader;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three stories of issue 17, with figures to check by hand against config/reference/staffel_bands.csv: a
 * category's total line in staffel 5 gives EUR 250,001 / 375,001 / 500,000 (min / mid / max), staffel 6 gives
 * 500,001 / 750,001 / 1,000,000, staffel 7 gives 1,000,001 / 3,000,001 / 5,000,000.
 */
class ArrivalOrderTest {

    static final String HEADER = "Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel\n";

    @TempDir
    Path dir;
    Warehouse warehouse;
    LandingFolder inbox;

    @BeforeEach
    void open() throws IOException {
        warehouse = TestProject.warehouse(dir);
        inbox = new LandingFolder(dir.resolve("inbox/spend"), Source.SPEND.spec(), Source.SPEND.token());
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** One ICT category with its total line in {@code staffel} and one supplier line below it. */
    static String spend(String department, int year, int staffel) {
        return HEADER + department + ";" + year + ";ICT;Totaal;" + staffel + "\n" + department + ";" + year + ";ICT;Leverancier A;" + staffel + "\n";
    }

    private String totals(String department, int year) {
        return warehouse.query("SELECT spend_min_eur || ' / ' || spend_mid_eur || ' / ' || spend_max_eur FROM marts.spend_by_department_year"
                + " WHERE department_code = ? AND year = ? AND spend_class = 'total'", rs -> rs.getString(1), department, year)
                .stream().findFirst().orElse("no figures");
    }

    private List<RawLoader.Result> night() throws IOException {
        return inbox.night(warehouse, dir.resolve("work"), true);
    }

    @Test
    void vwsBackToItsOriginalFileGivesTheOriginalFiguresWithoutReadingItAgain() throws IOException {
        inbox.deliver("inkoopdata-2022-VWS.csv", spend("VWS", 2022, 5));
        night();
        assertThat(totals("VWS", 2022)).isEqualTo("250001 / 375001 / 500000");

        // One line corrected in place: the total moves to staffel 6.
        inbox.deliver("inkoopdata-2022-VWS.csv", spend("VWS", 2022, 6));
        assertThat(night()).extracting(RawLoader.Result::status).containsExactly(RawLoader.Status.LOADED);
        assertThat(totals("VWS", 2022)).isEqualTo("500001 / 750001 / 1000000");

        // The steward puts the original back (cp: a new modification time). It counts again, from its first load.
        inbox.deliver("inkoopdata-2022-VWS.csv", spend("VWS", 2022, 5));
        List<RawLoader.Result> back = night();
        assertThat(back).extracting(RawLoader.Result::status).containsExactly(RawLoader.Status.REACTIVATED);
        assertThat(back.get(0).rowsRead()).as("not read again").isZero();
        assertThat(totals("VWS", 2022)).isEqualTo("250001 / 375001 / 500000");
        assertThat(warehouse.query("SELECT DISTINCT staffel FROM core.fct_spend_line", rs -> rs.getInt(1))).containsExactly(5);

        // A night later nothing changed.
        assertThat(night()).extracting(RawLoader.Result::status).containsExactly(RawLoader.Status.UNCHANGED);
        assertThat(totals("VWS", 2022)).isEqualTo("250001 / 375001 / 500000");
    }

    @Test
    void defV2WinsWhilePresentAndTheOriginalCountsAgainOnceV2IsWithdrawn() throws IOException {
        inbox.deliver("inkoopdata-DEF-2022.csv", spend("DEF", 2022, 5));
        inbox.deliver("inkoopdata-DEF-2022-v2.csv", spend("DEF", 2022, 7));
        night();
        // v2 arrived later, though its name sorts first ('-' before '.').
        assertThat(totals("DEF", 2022)).isEqualTo("1000001 / 3000001 / 5000000");
        assertThat(warehouse.ledger().supplies("spend")).extracting(s -> s.file() + " current=" + s.current() + " superseded_by=" + s.supersededBy())
                .containsExactly("inkoopdata-DEF-2022-v2.csv current=true superseded_by=null",
                        "inkoopdata-DEF-2022.csv current=false superseded_by=inkoopdata-DEF-2022-v2.csv");
        assertThat(warehouse.query("SELECT DISTINCT source_file FROM core.fct_spend_line", rs -> rs.getString(1)))
                .as("lineage never points at the superseded file").containsExactly("inkoopdata-DEF-2022-v2.csv");

        // A fresh warehouse on the same folder publishes the same figures.
        try (Warehouse fresh = TestProject.warehouse(dir.resolve("fresh"))) {
            inbox.night(fresh, dir.resolve("work-fresh"), true);
            assertThat(fresh.query("SELECT spend_mid_eur FROM marts.spend_by_department_year WHERE spend_class = 'total'", rs -> rs.getLong(1)))
                    .containsExactly(3000001L);
        }

        // Retired (kept on disk): the original counts again.
        warehouse.ledger().retire("spend", "inkoopdata-DEF-2022-v2.csv", "test: wrong export");
        warehouse.models().buildAll();
        assertThat(totals("DEF", 2022)).isEqualTo("250001 / 375001 / 500000");
        night();
        assertThat(totals("DEF", 2022)).as("a retired file stays retired while it is unchanged").isEqualTo("250001 / 375001 / 500000");
        assertThatThrownBy(() -> warehouse.ledger().retire("spend", "inkoopdata-DEF-2022-v2.csv", null)).hasMessageContaining("retired already");

        // v2 delivered again (a new arrival): it wins again; then removed from the folder: the original again.
        inbox.setArrival("inkoopdata-DEF-2022-v2.csv", inbox.tick());
        night();
        assertThat(totals("DEF", 2022)).isEqualTo("1000001 / 3000001 / 5000000");
        inbox.remove("inkoopdata-DEF-2022-v2.csv");
        night();
        assertThat(totals("DEF", 2022)).isEqualTo("250001 / 375001 / 500000");
        assertThat(warehouse.query("SELECT DISTINCT source_file FROM core.fct_spend_line", rs -> rs.getString(1)))
                .containsExactly("inkoopdata-DEF-2022.csv");

        // The last file for DEF 2022 leaves: its figures disappear.
        inbox.remove("inkoopdata-DEF-2022.csv");
        night();
        assertThat(totals("DEF", 2022)).isEqualTo("no figures");
    }

    @Test
    void manifestListsOnlyTheCurrentInputsAndTheSupersededFilesApart() throws IOException {
        inbox.deliver("inkoopdata-2022-VWS.csv", spend("VWS", 2022, 5));
        inbox.deliver("inkoopdata-DEF-2022.csv", spend("DEF", 2022, 5) + "DEF;2023;ICT;Totaal;6\n");
        night();
        inbox.deliver("inkoopdata-2022-VWS.csv", spend("VWS", 2022, 6));   // edited in place: the first bytes count no more
        inbox.deliver("inkoopdata-DEF-2022-v2.csv", spend("DEF", 2022, 7)); // supersedes DEF 2022 only, not DEF 2023
        night();

        List<Map<String, Object>> inputs = Publisher.inputs(warehouse);
        assertThat(inputs).extracting(i -> i.get("file") + " " + i.get("partitions"))
                .containsExactly("inkoopdata-DEF-2022.csv [DEF 2023]", "inkoopdata-2022-VWS.csv [VWS 2022]",
                        "inkoopdata-DEF-2022-v2.csv [DEF 2022]");
        assertThat(inputs).extracting(i -> i.get("sha256")).doesNotHaveDuplicates()
                .doesNotContain(warehouse.query("SELECT source_sha256 FROM raw.load WHERE rows_read = 2 AND source_file = 'inkoopdata-2022-VWS.csv'"
                        + " ORDER BY finished_at LIMIT 1", rs -> rs.getString(1)).get(0));
        assertThat(inputs.get(1).get("arrived_at")).isEqualTo("2026-01-05 09:03:00");
        assertThat(Publisher.superseded(warehouse)).extracting(i -> i.get("file") + " " + i.get("partitions"))
                .containsExactly("inkoopdata-DEF-2022.csv [DEF 2022 -> inkoopdata-DEF-2022-v2.csv]");
        // Every lineage column of core names a current input.
        assertThat(warehouse.query("SELECT DISTINCT source_file || ' ' || source_sha256 FROM core.fct_spend_line ORDER BY 1", rs -> rs.getString(1)))
                .containsExactlyInAnyOrderElementsOf(inputs.stream().map(i -> i.get("file") + " " + i.get("sha256")).toList());
    }
}
