package nl.impactmonitor.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.JobTestSupport;
import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.extract.CsvExtract;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end on the bundled samples (samples/README.md lists their variants and bad rows): files in,
 * warehouse built, extracts out, every file's rows accounted for.
 */
@SpringBootTest
class NightlyJobFunctionalIT {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.register(registry, home, TestProject.SAMPLES, TestProject.TENDER_SAMPLES, TestProject.RESULT_SAMPLES);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;
    @Autowired
    Warehouse warehouse;

    /** Table 1 of the evaluation, 2023, EUR million: generic, specific (the two "<10" entries left out). */
    static final Map<String, long[]> TABLE_1 = Map.ofEntries(
            Map.entry("AZ", new long[] {40, 40}), Map.entry("BZ", new long[] {230, -1}),
            Map.entry("BZK", new long[] {2290, 490}), Map.entry("DEF", new long[] {850, 280}),
            Map.entry("EZK", new long[] {830, 450}), Map.entry("FIN", new long[] {730, 20}),
            Map.entry("IenW", new long[] {1070, 3770}), Map.entry("JenV", new long[] {780, 1340}),
            Map.entry("LNV", new long[] {100, 80}), Map.entry("OCW", new long[] {270, 20}),
            Map.entry("SZW", new long[] {90, -1}), Map.entry("VWS", new long[] {280, 210}));

    @Test
    void samplesLoadEndToEndWithEveryRowAccountedFor() throws Exception {
        JobExecution execution = run();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        List<StepExecution> fileSteps = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("spend-file:")).toList();
        List<StepExecution> tenderSteps = execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith("tender-file:")).toList();
        assertThat(fileSteps).hasSize(36); // 12 ministries x 2019 (Figure 1's year, for the calibration), 2022, 2023
        assertThat(tenderSteps).hasSize(23);
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().contains("-file:")) {
                continue;
            }
            String name = step.getStepName().substring(step.getStepName().indexOf(':') + 1);
            Path file = (step.getStepName().startsWith("spend") ? TestProject.SAMPLES
                    : step.getStepName().startsWith("tender") ? TestProject.TENDER_SAMPLES : TestProject.RESULT_SAMPLES).resolve(name);
            if (name.endsWith(".json")) {
                assertThat(step.getReadCount()).as("read = loaded + rejected for %s", name).isEqualTo(step.getWriteCount() + step.getSkipCount());
                continue;
            }
            assertThat(step.getReadCount()).as("rows read of %s", file.getFileName()).isEqualTo(dataRowsCountedIndependently(file));
            assertThat(step.getReadCount()).as("read = loaded + rejected for %s", file.getFileName())
                    .isEqualTo(step.getWriteCount() + step.getSkipCount());
            assertThat(step.getExitStatus().getExitCode()).isEqualTo("LOADED");
        }

        // Exactly the seven bad rows of samples/README.md, each with file, line and the column at fault.
        assertThat(warehouse.query("SELECT source_file, line_no, column_name, reason FROM raw.reject WHERE source = 'spend' ORDER BY source_file, line_no",
                rs -> rs.getString(1) + ":" + rs.getLong(2) + " " + rs.getString(3) + " - " + rs.getString(4)))
                .containsExactly(
                        "inkoopdata-2022-SZW.csv:97 staffel - staffel '-1' is not a band code 0-13",
                        "inkoopdata-2022-SZW.csv:98 year - year 1899 is outside 2000-" + (java.time.Year.now().getValue() + 1),
                        "inkoopdata-2023-VWS.csv:162 staffel - staffel '7a' is not a band code 0-13",
                        "inkoopdata-2023-VWS.csv:163 staffel - staffel '14' is not a band code 0-13",
                        "inkoopdata-2023-VWS.csv:164 department - unknown department 'Ministerie van Toverkunst'"
                                + " (a new spelling belongs in config/reference/department_aliases.csv)",
                        "inkoopdata-2023-VWS.csv:165 supplier - supplier is missing",
                        "inkoopdata-2023-VWS.csv:166 year - year '20x3' is not a year");

        // The five bad MVI-ZET rows of samples/README.md.
        assertThat(warehouse.query("SELECT source_file, line_no, column_name FROM raw.reject WHERE source = 'tender' ORDER BY line_no",
                rs -> rs.getString(1) + ":" + rs.getLong(2) + " " + rs.getString(3)))
                .containsExactly("mvi-zet-2023-VWS.csv:31 department", "mvi-zet-2023-VWS.csv:32 publication_date",
                        "mvi-zet-2023-VWS.csv:33 estimated_value", "mvi-zet-2023-VWS.csv:34 publication_id",
                        "mvi-zet-2023-VWS.csv:35 contract_type");

        // Input goals of IenW 2023 (samples/README.md), after its rectification file: goal I 40 of 47 relevant tenders,
        // 25 of those 40 significant or ambitious, social return in 30 of 38 suitable tenders with 3 undetermined.
        assertThat(inputGoal("IenW", 2023, "I")).isEqualTo("40/47 undetermined 0 85.1% below_target");
        assertThat(inputGoal("IenW", 2023, "I_ambition")).isEqualTo("25/40 undetermined 0 62.5% on_target");
        assertThat(inputGoal("IenW", 2023, "III")).isEqualTo("30/38 undetermined 3 78.9% below_target");
        // No MVI-ZET export for LNV 2023 and SZW 2022, though they have spend: no data, not 0%.
        assertThat(inputGoal("LNV", 2023, "I")).isEqualTo("null/null undetermined null null% no_data");
        assertThat(inputGoal("SZW", 2022, "I")).isEqualTo("null/null undetermined null null% no_data");
        // Rijksbreed from summed counts of the eleven departments with data in 2023.
        assertThat(inputGoal("RIJK", 2023, "I")).isEqualTo("215/278 undetermined 0 77.3% below_target");

        // Supplier results (samples/README.md): the seven bad rows, restatements, unit conversion and progress.
        assertThat(warehouse.query("SELECT line_no, column_name FROM raw.reject WHERE source = 'result' ORDER BY line_no",
                rs -> rs.getLong(1) + " " + rs.getString(2)))
                .containsExactly("13 metric", "14 unit", "15 unit", "16 value", "17 value", "18 period", "19 value");
        // IenW 2023 electricity: 35,166.6 MWh + 49,535,187 kWh + 53,151,350 kWh + 10,128 GJ / 3.6 = 140,666.470 MWh.
        assertThat(warehouse.query("SELECT round(sum(value_base), 3) FROM core.fct_supplier_result WHERE department_code = 'IenW'"
                + " AND year = 2023 AND metric = 'electricity_use'", rs -> rs.getBigDecimal(1).toPlainString())).containsExactly("140666.470");
        // DEF's restatement of electricity wins; the stale gas restatement (reported earlier) does not.
        assertThat(warehouse.query("SELECT metric, value_reported FROM core.fct_supplier_result WHERE contract_id = 'DEF-2023-0802'"
                + " AND year = 2023 ORDER BY metric", rs -> rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString()))
                .contains("electricity_use 140684.7", "gas_use 15577805");
        // Fleet: 1,209 of 4,875 vehicles zero-emission in 2023 = 24.8%, against a trajectory of 50% (20% in 2020 to 100% in 2028).
        assertThat(warehouse.query("SELECT status, round(actual_value, 1), trajectory_value FROM marts.effect_goal_department_year"
                + " WHERE department_code = 'RIJK' AND year = 2023 AND goal_id = 'transport_fleet_zero_emission'",
                rs -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()))
                .containsExactly("off_track 24.8 50");
        assertThat(warehouse.query("SELECT status FROM marts.effect_goal_department_year WHERE department_code = 'RIJK' AND year = 2023"
                + " AND goal_id = 'circular_primary_raw_materials'", rs -> rs.getString(1))).containsExactly("no_baseline");
        assertThat(warehouse.query("SELECT status FROM marts.effect_goal_department_year WHERE department_code = 'OCW' AND year = 2023"
                + " AND goal_id = 'energy_renewable_electricity_share'", rs -> rs.getString(1))).containsExactly("no_data");

        // Aliases (I&W, I & W, IenW; EZ; full names; codes) all land on the twelve canonical codes.
        assertThat(warehouse.query("SELECT DISTINCT department_code FROM staging.spend_line ORDER BY 1", rs -> rs.getString(1)))
                .containsExactly("AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS");
        // Accents survive the Windows-1252 files.
        assertThat(warehouse.queryLong("SELECT count(*) FROM staging.spend_line WHERE department_code = 'FIN' AND regexp_matches(supplier_name, '[éëöû]')"))
                .isPositive();

        // Table 1 (rounded to EUR 10 million) lies inside the computed range of every department.
        TABLE_1.forEach((department, figures) -> {
            for (int i = 0; i < 2; i++) {
                if (figures[i] < 0) {
                    continue;
                }
                String spendClass = i == 0 ? "generic" : "specific";
                List<Long> range = warehouse.query("""
                        SELECT spend_min_eur, spend_max_eur FROM marts.spend_by_department_year
                        WHERE department_code = ? AND year = 2023 AND spend_class = ?""",
                        rs -> java.util.Arrays.asList(rs.getLong(1), (Long) rs.getObject(2)), department, spendClass).get(0);
                long table1 = figures[i] * 1_000_000;
                assertThat(range.get(0)).as("%s %s min", department, spendClass).isLessThanOrEqualTo(table1 + 5_000_000);
                if (range.get(1) != null) {
                    assertThat(range.get(1)).as("%s %s max", department, spendClass).isGreaterThanOrEqualTo(table1 - 5_000_000);
                }
            }
        });

        // Extracts: one folder per department-year, the CSV equal to the mart, the Parquet with the same rows.
        Path out = home.resolve("var/out/latest").toRealPath();
        try (Stream<Path> files = Files.walk(out)) {
            // <year>/<dept>/spend.csv (categories/<code>/spend.csv are the category managers' files)
            assertThat(files.filter(p -> p.getFileName().toString().equals("spend.csv"))
                    .filter(p -> out.relativize(p).getName(0).toString().matches("\\d{4}")).count()).isEqualTo(36);
        }
        assertThat(out.resolve("rijk/progress.csv")).exists();
        assertThat(out.resolve("rijk/leaders_laggards.csv")).exists();
        assertThat(out.resolve("departments/LNV/progress.parquet")).exists();
        assertThat(out.resolve("report/index.html")).exists();
        assertThat(out.resolve("manifest.json")).exists();
        // built from the bundled samples: the manifest and every report page say so
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"sample_data\" : true");
        assertThat(Files.readString(out.resolve("report/RIJK.html"))).contains("Voorbeelddata — geen echte cijfers.");
        assertThat(Files.readString(out.resolve("rijk/progress.csv"))).contains("status_reason_nl");
        Path csv = out.resolve("2023/IenW/spend.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.skip(1);
            records = CsvExtract.DUTCH_EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        List<String> fromMart = warehouse.query("""
                SELECT spend_class || ' ' || spend_min_eur || ' ' || spend_mid_eur || ' ' || coalesce(CAST(spend_max_eur AS VARCHAR), '')
                FROM marts.spend_by_department_year WHERE department_code = 'IenW' AND year = 2023 ORDER BY spend_class""",
                rs -> rs.getString(1));
        assertThat(records).extracting(r -> r.get("spend_class") + " " + r.get("spend_min_eur") + " " + r.get("spend_mid_eur")
                + " " + r.get("spend_max_eur")).containsExactlyElementsOf(fromMart);
        assertThat(warehouse.queryLong("SELECT count(*) FROM read_parquet(?)", out.resolve("2023/IenW/spend.parquet").toString()))
                .isEqualTo(records.size());

        // Running again over the same files changes nothing: every file has the name, bytes and arrival of the last run.
        List<String> martBefore = martRows();
        JobExecution again = run();
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("spend-file:"))
                .extracting(s -> s.getExitStatus().getExitCode()).containsOnly("UNCHANGED");
        assertThat(again.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("result-file:"))
                .extracting(s -> s.getExitStatus().getExitCode()).containsOnly("UNCHANGED");
        assertThat(again.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("tender-file:"))
                .extracting(s -> s.getExitStatus().getExitCode()).containsOnly("UNCHANGED");
        assertThat(martRows()).isEqualTo(martBefore);
        // The second run published anew; latest moved to it and its extracts equal the first run's.
        Path second = home.resolve("var/out").resolve(Files.readSymbolicLink(home.resolve("var/out/latest")));
        assertThat(second.getFileName().toString()).endsWith("-e" + again.getId());
        assertThat(Files.mismatch(second.resolve("departments/IenW/progress.csv"),
                home.resolve("var/out").resolve(Files.list(home.resolve("var/out")).filter(p -> !p.getFileName().toString().equals("latest")).map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith("-e" + execution.getId())).findFirst().orElseThrow()).resolve("departments/IenW/progress.csv")))
                .isEqualTo(-1L);
        assertThat(warehouse.queryLong("SELECT count(*) FROM staging.spend_line"))
                .isEqualTo(fileSteps.stream().mapToLong(StepExecution::getWriteCount).sum());
    }

    private String inputGoal(String department, int year, String goalId) {
        return warehouse.query("""
                SELECT numerator_tenders, denominator_tenders, undetermined_tenders, share_pct, status
                FROM marts.input_goal_department_year WHERE department_code = ? AND year = ? AND goal_id = ?""",
                rs -> rs.getObject(1) + "/" + rs.getObject(2) + " undetermined " + rs.getObject(3) + " "
                        + (rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).stripTrailingZeros().toPlainString()) + "% " + rs.getString(5),
                department, year, goalId).get(0);
    }

    private JobExecution run() throws Exception {
        return jobOperator.start(nightlyJob, new JobParametersBuilder().addLong("run.id", System.nanoTime()).toJobParameters());
    }

    private List<String> martRows() {
        return warehouse.query("SELECT CAST(m AS VARCHAR) AS row_text FROM marts.spend_by_department_year AS m ORDER BY row_text",
                rs -> rs.getString(1));
    }

    /** Data rows as a person would count them: lines after the header in a CSV, filled rows below it in a sheet. */
    private static long dataRowsCountedIndependently(Path file) throws IOException {
        if (file.toString().endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                List<Row> rows = new ArrayList<>();
                wb.getSheetAt(0).forEach(rows::add);
                int header = 0;
                while (!List.of("Ministerie", "TenderNed publicatienummer", "Contractnummer").contains(rows.get(header).getCell(0).getStringCellValue())) {
                    header++;
                }
                return rows.size() - header - 1;
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        long newlines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                newlines++;
            }
        }
        boolean endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        return (endsWithNewline ? newlines : newlines + 1) - 1;
    }
}
