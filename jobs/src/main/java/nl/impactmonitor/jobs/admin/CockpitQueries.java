package nl.impactmonitor.jobs.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.jobs.operations.Sources;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stewards' cockpit reads (issue 23): the partition grid per source (departments x years, from the inbox ledger's
 * {@code raw.input_partition} and the loads), a partition's history, data-test results per run, and rejected rows
 * filtered by run, partition, file and reason. The page, the API and the command line's {@code status} all show
 * {@link #grid()}, so they agree by construction.
 */
@Component
public class CockpitQueries {

    /** Cell states, in the words the API and the command line use. */
    public static final String LOADED = "loaded";
    public static final String WITH_REJECTS = "loaded_with_rejects";
    public static final String SUPERSEDED = "superseded_file_present";
    public static final String MISSING = "missing";
    public static final String FAILED = "failed";
    /** The department did not exist in that year (ref.department's validity): no file is expected. */
    public static final String NOT_APPLICABLE = "not_applicable";

    private final Warehouse warehouse;
    private final JdbcTemplate jdbc;
    private final RunQueries runs;
    private final ImpactmonitorProperties props;
    private final String prefix;

    public CockpitQueries(Warehouse warehouse, JdbcTemplate jdbc, RunQueries runs, ImpactmonitorProperties props,
                          @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        this.warehouse = warehouse;
        this.jdbc = jdbc;
        this.runs = runs;
        this.props = props;
        this.prefix = tablePrefix;
    }

    /** One file supplying (or, superseded, no longer supplying) a partition. */
    public record Supplier(String file, java.time.LocalDateTime arrivedAt, java.time.LocalDateTime loadedAt, String loadId,
                           long rowsLoaded, long rowsRejected, boolean current, String supersededBy) {
    }

    /**
     * One partition. {@code reason}: why the state is what it is, in words; {@code current}: the file(s) whose rows count
     * (tenders and supplier results may have more than one); {@code superseded}: files present whose rows a later arrival
     * replaced.
     */
    public record Cell(String source, String department, int year, String state, String reason, List<Supplier> current,
                       List<Supplier> superseded, long rowsLoaded, long rowsRejected) {
        public String files() {
            return String.join(", ", current.stream().map(Supplier::file).toList());
        }
    }

    public record Row(String department, String nameNl, String nameEn, List<Cell> cells) {
    }

    /** A file in the landing folder whose load failed and which supplied no partition before: no cell to put it in. */
    public record UnplacedFile(String source, String file, String loadStatus, String message) {
    }

    public record SourceGrid(String source, List<Integer> years, List<Row> rows, List<UnplacedFile> unplaced,
                             Map<String, Long> counts) {
    }

    public record Grid(List<SourceGrid> sources) {
        public Optional<Cell> cell(String source, String department, int year) {
            return sources.stream().filter(s -> s.source().equals(source)).flatMap(s -> s.rows().stream())
                    .filter(r -> r.department().equals(department)).flatMap(r -> r.cells().stream())
                    .filter(c -> c.year() == year).findFirst();
        }
    }

    /** True while a job execution runs: its writes hold the warehouse, so pages do not wait for it. */
    public boolean anyRunning() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + prefix + "JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED', 'STOPPING')",
                Long.class);
        return n != null && n > 0;
    }

    public boolean warehouseReadable() {
        return warehouse.isOpen();
    }

    private record Department(String code, String nameNl, String nameEn, int from, Integer to) {
        boolean existsIn(int year) {
            return year >= from && (to == null || year <= to);
        }
    }

    private record Supply(String source, String department, int year, Supplier supplier) {
    }

    /** The grid of every source: departments as rows, the years the source has data for (first to last) as columns. */
    public Grid grid() {
        List<Department> departments = warehouse.query("""
                SELECT department_code, name_nl, name_en, valid_from_year, valid_to_year FROM ref.department
                ORDER BY department_code""", rs -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                (Integer) rs.getObject(5, Integer.class)));
        List<Supply> supplies = warehouse.query("""
                SELECT i.source, i.department_code, i.year, i.source_file, i.arrived_at, l.finished_at, i.rows_load_id, i.rows_loaded,
                       l.rows_rejected, i.is_current, i.superseded_by
                FROM raw.input_partition AS i INNER JOIN raw.load AS l ON l.load_id = i.rows_load_id
                ORDER BY i.source, i.department_code, i.year, i.is_current DESC, i.arrived_at DESC, i.source_file DESC""",
                rs -> new Supply(rs.getString(1), rs.getString(2), rs.getInt(3), new Supplier(rs.getString(4),
                        rs.getObject(5, java.time.LocalDateTime.class), rs.getObject(6, java.time.LocalDateTime.class), rs.getString(7),
                        rs.getLong(8), rs.getLong(9), rs.getBoolean(10), rs.getString(11))));
        // Files that count but whose load failed: placed on the partitions an earlier load of the same name supplied.
        record Failed(String source, String file, String status, String message, String department, Integer year) {
        }
        List<Failed> failed = warehouse.query("""
                SELECT f.source, f.source_file, coalesce(l.status, 'not loaded'), l.message, p.department_code, p.year
                FROM raw.inbox_file AS f
                LEFT JOIN raw.load AS l ON l.load_id = f.load_id
                LEFT JOIN (
                    SELECT DISTINCT e.source, e.source_file, lp.department_code, lp.year
                    FROM raw.load AS e INNER JOIN raw.load_partition AS lp ON lp.load_id = e.load_id
                ) AS p ON p.source_file = f.source_file AND p.source = f.source
                WHERE f.state IN ('present', 'kept') AND coalesce(l.status, '') <> 'loaded'
                ORDER BY f.source, f.source_file, p.department_code, p.year""",
                rs -> new Failed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6, Integer.class)));

        List<SourceGrid> grids = new ArrayList<>();
        for (String source : Source.tokens()) {
            List<Supply> mine = supplies.stream().filter(s -> s.source().equals(source)).toList();
            TreeSet<Integer> seen = new TreeSet<>();
            mine.forEach(s -> seen.add(s.year()));
            failed.stream().filter(f -> f.source().equals(source) && f.year() != null).forEach(f -> seen.add(f.year()));
            List<Integer> years = new ArrayList<>();
            if (!seen.isEmpty()) {
                for (int y = seen.first(); y <= seen.last(); y++) {
                    years.add(y);
                }
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String state : List.of(LOADED, WITH_REJECTS, SUPERSEDED, MISSING, FAILED, NOT_APPLICABLE)) {
                counts.put(state, 0L);
            }
            for (Department d : departments) {
                List<Cell> cells = new ArrayList<>();
                for (int year : years) {
                    List<Supplier> here = mine.stream().filter(s -> s.department().equals(d.code()) && s.year() == year)
                            .map(Supply::supplier).toList();
                    List<Failed> failedHere = failed.stream().filter(f -> f.source().equals(source) && d.code().equals(f.department())
                            && Integer.valueOf(year).equals(f.year())).toList();
                    Cell cell = cell(source, d, year, here, failedHere.stream()
                            .map(f -> f.file() + " (" + f.status() + (f.message() == null ? "" : ": " + f.message()) + ")").toList());
                    counts.merge(cell.state(), 1L, Long::sum);
                    cells.add(cell);
                }
                if (cells.stream().anyMatch(c -> !c.state().equals(NOT_APPLICABLE))) {
                    rows.add(new Row(d.code(), d.nameNl(), d.nameEn(), cells));
                }
            }
            List<UnplacedFile> unplaced = failed.stream().filter(f -> f.source().equals(source) && f.department() == null)
                    .map(f -> new UnplacedFile(source, f.file(), f.status(), f.message())).toList();
            grids.add(new SourceGrid(source, years, rows, unplaced, counts));
        }
        return new Grid(grids);
    }

    private static Cell cell(String source, Department d, int year, List<Supplier> here, List<String> failedFiles) {
        List<Supplier> current = here.stream().filter(Supplier::current).toList();
        List<Supplier> superseded = here.stream().filter(s -> !s.current()).toList();
        long loaded = current.stream().mapToLong(Supplier::rowsLoaded).sum();
        long rejected = current.stream().mapToLong(Supplier::rowsRejected).sum();
        String state;
        String reason;
        if (!failedFiles.isEmpty()) {
            state = FAILED;
            reason = "load failed: " + String.join("; ", failedFiles);
        } else if (!current.isEmpty() && rejected > 0) {
            state = WITH_REJECTS;
            reason = rejected + " row(s) of " + String.join(", ", current.stream().map(Supplier::file).toList()) + " rejected";
        } else if (!current.isEmpty() && !superseded.isEmpty()) {
            state = SUPERSEDED;
            reason = String.join(", ", superseded.stream().map(s -> s.file() + " replaced by " + s.supersededBy()).toList());
        } else if (!current.isEmpty()) {
            state = LOADED;
            reason = loaded + " row(s) from " + String.join(", ", current.stream().map(Supplier::file).toList());
        } else if (!d.existsIn(year)) {
            state = NOT_APPLICABLE;
            reason = d.code() + " did not exist in " + year;
        } else {
            state = MISSING;
            reason = "no " + source + " file in the landing folder supplies " + d.code() + " " + year;
        }
        return new Cell(source, d.code(), year, state, reason, current, superseded, loaded, rejected);
    }

    /** One load of a file that supplied the partition, whether or not it counts now. */
    public record HistoryLoad(String loadId, String file, String sha256, String status, java.time.LocalDateTime loadedAt,
                              long rowsLoaded, long rowsRejected, String message, String inboxState, boolean current) {
    }

    public record History(Cell cell, List<HistoryLoad> loads, List<ExecutionView> executions) {
    }

    /** Every load that ever supplied the partition (newest first), which of them counts now, and the runs that touched it. */
    public Optional<History> history(String source, String department, int year) {
        if (!Source.tokens().contains(source)) {
            return Optional.empty();
        }
        Grid grid = grid();
        Cell cell = grid.cell(source, department, year).orElse(null);
        if (cell == null) {
            return Optional.empty();
        }
        List<HistoryLoad> loads = warehouse.query("""
                SELECT l.load_id, l.source_file, l.source_sha256, l.status, l.finished_at, p.rows_loaded, l.rows_rejected, l.message,
                       f.state,
                       EXISTS (SELECT 1 FROM raw.input_partition AS i WHERE i.is_current AND i.rows_load_id = l.load_id
                               AND i.department_code = p.department_code AND i.year = p.year)
                FROM raw.load_partition AS p
                INNER JOIN raw.load AS l ON l.load_id = p.load_id
                LEFT JOIN raw.inbox_file AS f ON f.source = ? AND f.source_file = l.source_file
                    AND f.load_id = coalesce(l.part_of_load_id, l.load_id)
                WHERE p.department_code = ? AND p.year = ? AND l.source = ?
                ORDER BY l.finished_at DESC, l.load_id DESC""",
                rs -> new HistoryLoad(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDateTime.class), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10)),
                source, department, year, source);
        TreeSet<String> files = new TreeSet<>();
        loads.forEach(l -> files.add(l.file()));
        cell.superseded().forEach(s -> files.add(s.file()));
        List<Long> ids = new ArrayList<>();
        if (!files.isEmpty()) {
            List<Object> names = new ArrayList<>();
            files.forEach(f -> names.add(source + "-file:" + f));
            ids.addAll(jdbc.queryForList("SELECT DISTINCT JOB_EXECUTION_ID FROM " + prefix + "STEP_EXECUTION WHERE STEP_NAME IN ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ")", Long.class, names.toArray()));
        }
        // Partition reruns of this partition (their job parameters name it).
        ids.addAll(jdbc.queryForList("""
                SELECT s.JOB_EXECUTION_ID FROM %1$sJOB_EXECUTION_PARAMS s
                INNER JOIN %1$sJOB_EXECUTION_PARAMS d ON d.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                INNER JOIN %1$sJOB_EXECUTION_PARAMS y ON y.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE s.PARAMETER_NAME = 'source' AND s.PARAMETER_VALUE = ? AND d.PARAMETER_NAME = 'department'
                  AND d.PARAMETER_VALUE = ? AND y.PARAMETER_NAME = 'year' AND y.PARAMETER_VALUE = ?""".formatted(prefix),
                Long.class, source, department, String.valueOf(year)));
        List<ExecutionView> executions = ids.stream().distinct().sorted(Collections.reverseOrder()).limit(50)
                .map(runs::execution).flatMap(Optional::stream).toList();
        return Optional.of(new History(cell, loads, executions));
    }

    /** One data test's outcome in one run. {@code sampleRows}: up to 5 failing rows, column to value. */
    public record DataTestResult(String runId, Long executionId, String name, String severity, String description, long failingRows,
                                 List<Map<String, Object>> sampleRows, String sample, String sqlFile,
                                 java.time.LocalDateTime checkedAt) {
        public boolean passed() {
            return failingRows == 0;
        }

        /** The sample's columns, in the order of the first row. */
        public List<String> columns() {
            return sampleRows.isEmpty() ? List.of() : List.copyOf(sampleRows.get(0).keySet());
        }
    }

    /** The data tests an execution ran (run id {@code job-<id>}), by name. */
    public List<DataTestResult> dataTests(long executionId) {
        return dataTestResults("WHERE run_id = ?", "job-" + executionId);
    }

    /** The latest result of every data test, whichever run checked it last. */
    public List<DataTestResult> latestDataTests() {
        return dataTestResults("QUALIFY row_number() OVER (PARTITION BY test_name ORDER BY checked_at DESC) = 1");
    }

    private List<DataTestResult> dataTestResults(String where, Object... args) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        return warehouse.query("""
                SELECT run_id, test_name, severity, description, failing_rows, sample_json, sample, sql_file, checked_at
                FROM meta.data_test_result %s
                ORDER BY CASE WHEN failing_rows > 0 THEN 0 ELSE 1 END, CASE severity WHEN 'error' THEN 0 ELSE 1 END, test_name"""
                .formatted(where), rs -> {
                    String runId = rs.getString(1);
                    String sampleJson = rs.getString(6);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    if (sampleJson != null && !sampleJson.isBlank()) {
                        for (tools.jackson.databind.JsonNode n : json.readTree(sampleJson)) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            n.properties().forEach(e -> row.put(e.getKey(), e.getValue().isNull() ? null
                                    : e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
                            rows.add(row);
                        }
                    }
                    Long executionId = runId != null && runId.matches("job-\\d+") ? Long.valueOf(runId.substring(4)) : null;
                    return new DataTestResult(runId, executionId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rows,
                            rs.getString(7), rs.getString(8), rs.getObject(9, java.time.LocalDateTime.class));
                }, args);
    }

    /**
     * Which rejected rows to show: of one execution's loads, or of the loads that supply one partition now, or all;
     * then by file name (exact) and reason (contains, case-insensitive). Blank values do not filter.
     */
    public record RejectFilter(Long execution, String source, String department, Integer year, String file, String reason) {
        public boolean partition() {
            return source != null && !source.isBlank() && department != null && !department.isBlank() && year != null;
        }
    }

    public record Rejects(RejectFilter filter, int page, int size, long total, List<RejectsPage.Reject> rows, List<String> files) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** Rejected rows matching {@code filter}, by source, file and line; {@code size} 0 or less: all rows. */
    public Rejects rejects(RejectFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.execution() != null) {
            List<String> loadIds = runs.execution(filter.execution()).map(e -> e.steps().stream()
                    .filter(s -> s.loadId() != null).flatMap(s -> List.of(s.loadId().split(",")).stream()).distinct().toList())
                    .orElse(List.of());
            where.add(loadIds.isEmpty() ? "false" : "load_id IN (" + String.join(", ", Collections.nCopies(loadIds.size(), "?")) + ")");
            args.addAll(loadIds);
        }
        if (filter.partition()) {
            where.add("""
                    load_id IN (SELECT rows_load_id FROM raw.input_partition WHERE is_current AND source = ? AND department_code = ?
                                AND year = ?)""");
            args.add(filter.source());
            args.add(filter.department());
            args.add(filter.year());
        } else if (filter.source() != null && !filter.source().isBlank()) {
            where.add("source = ?");
            args.add(filter.source());
        }
        String scope = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<String> files = warehouse.query("SELECT DISTINCT source_file FROM raw.reject" + scope + " ORDER BY 1", rs -> rs.getString(1),
                args.toArray());
        if (filter.file() != null && !filter.file().isBlank()) {
            where.add("source_file = ?");
            args.add(filter.file().trim());
        }
        if (filter.reason() != null && !filter.reason().isBlank()) {
            where.add("reason ILIKE ? ESCAPE '\\'");
            args.add("%" + filter.reason().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = warehouse.queryLong("SELECT count(*) FROM raw.reject" + condition, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        String limit = "";
        if (size > 0) {
            limit = " LIMIT ? OFFSET ?";
            paged.add(size);
            paged.add((long) page * size);
        }
        List<RejectsPage.Reject> rows = warehouse.query("""
                SELECT %s FROM raw.reject%s
                ORDER BY source, source_file, sheet_name NULLS FIRST, line_no NULLS FIRST, column_name%s"""
                .formatted(RejectsPage.Reject.COLUMNS, condition, limit), RejectsPage.Reject::read, paged.toArray());
        return new Rejects(filter, page, size, total, rows, files);
    }
}
