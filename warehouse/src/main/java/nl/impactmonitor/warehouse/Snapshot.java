package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysts' read-only snapshot of the warehouse, written into a publication folder: every core and mart table
 * and the lineage tables (load log, rejects) as Parquet under {@code lake/<table>/}, Hive-partitioned by
 * {@code year=} where the table has a year, plus {@code analytics.duckdb} holding only views over those files by
 * relative path (so the folder can be copied) and the column documentation as comments. Rows are sorted within a
 * file, so a reader filtering on department skips row groups by their statistics. Partitioning by year only keeps
 * files few and large: by year and department, 350 organisations over ten years made 52,000 files of mostly a few
 * kilobytes (measured at national scale: 54 s to write, 770 MB), the small-files problem every engine suffers from.
 */
public final class Snapshot {

    /** Published besides the models so any fact row can be traced to its file, sha256 and line. */
    public static final List<String> LINEAGE_TABLES = List.of("raw.load", "raw.reject");
    public static final String ANALYTICS_DATABASE = "analytics.duckdb";
    /**
     * The storage format {@code analytics.duckdb} is written in. It holds only schemas, views and comments, which
     * every format since DuckDB 1.0 stores; 1.0 is the oldest format DuckDB promises its later versions read, so
     * clients from 1.0 on (the 1.4 LTS line included) open the file. DuckDB 2.0's own format (the default) is
     * unreadable for 1.x. DuckDB 2.0.0 accepts {@code v0.10.0} to {@code v2.0.0} here (measured).
     */
    public static final String ANALYTICS_STORAGE_VERSION = "v1.0.0";

    private final Warehouse warehouse;

    Snapshot(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** A published table: its warehouse name, lake folder and whether it is partitioned. */
    public record Table(String name, String folder, boolean partitioned) {
    }

    /** One column of a published table with its unit and description (null when undocumented). */
    public record Column(String table, String column, String type, String unit, String description) {
    }

    public List<Table> tables() {
        return catalogue().tables();
    }

    /**
     * The published tables with their columns and comments, from one scan of the catalogue: {@code duckdb_columns()}
     * lists every column of the database, so asking it once per table cost most of a small publication's time.
     */
    private record Catalogue(List<Table> tables, Map<String, List<String[]>> columns, Map<String, String> comments) {
    }

    private Catalogue catalogue() {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        Map<String, String> comments = new java.util.HashMap<>();
        String lineage = String.join(", ", LINEAGE_TABLES.stream().map(Warehouse::quoteLiteral).toList());
        warehouse.forEachRow("""
                SELECT c.schema_name || '.' || c.table_name AS name, c.column_name, c.data_type, coalesce(t.comment, '')
                FROM duckdb_columns() AS c JOIN duckdb_tables() AS t USING (database_name, schema_name, table_name)
                WHERE c.database_name = current_database()
                  AND (c.schema_name IN ('core', 'marts') OR c.schema_name || '.' || c.table_name IN (%s))
                ORDER BY c.schema_name, c.table_name, c.column_index""".formatted(lineage),
                rs -> {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                    comments.put(rs.getString(1), rs.getString(4));
                });
        List<String> names = new ArrayList<>(columns.keySet().stream().filter(n -> !LINEAGE_TABLES.contains(n)).toList());
        names.addAll(LINEAGE_TABLES);
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            String folder = name.startsWith("raw.") ? name.substring(4) : name.substring(name.indexOf('.') + 1);
            boolean partitioned = columns.getOrDefault(name, List.of()).stream().anyMatch(c -> c[0].equals("year"));
            tables.add(new Table(name, folder, partitioned));
        }
        return new Catalogue(tables, columns, comments);
    }

    /** Every published column with its documentation: the models' own, else the common columns file. */
    public List<Column> columns() {
        return columns(catalogue());
    }

    private List<Column> columns(Catalogue catalogue) {
        Map<String, ColumnDocs.Doc> common = ColumnDocs.read(warehouse, warehouse.sqlDirectory()).common();
        Map<String, Map<String, ColumnDocs.Doc>> documented = new java.util.HashMap<>();
        warehouse.forEachRow("SELECT table_name, column_name, unit, description FROM meta.column_doc WHERE description IS NOT NULL",
                rs -> documented.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
                        .put(rs.getString(2), new ColumnDocs.Doc(rs.getString(3), rs.getString(4))));
        List<Column> columns = new ArrayList<>();
        for (Table t : catalogue.tables()) {
            Map<String, ColumnDocs.Doc> own = documented.getOrDefault(t.name(), Map.of());
            for (String[] c : catalogue.columns().getOrDefault(t.name(), List.of())) {
                ColumnDocs.Doc doc = own.getOrDefault(c[0], common.get(c[0]));
                columns.add(new Column(t.name(), c[0], c[1], doc == null ? null : doc.unit(), doc == null ? null : doc.description()));
            }
        }
        return columns;
    }

    public List<Column> undocumented() {
        return columns().stream().filter(c -> c.description() == null || c.unit() == null).toList();
    }

    /** Writes lake/ and analytics.duckdb into {@code dir}; returns the tables written. */
    public List<Table> write(Path dir) {
        return write(dir, PublicationReuse.none());
    }

    /**
     * Writes lake/ and analytics.duckdb into {@code dir}, linking lake files from the previous publication where a
     * table's partition (or a whole unpartitioned table) has the same rows; returns the tables.
     */
    public List<Table> write(Path dir, PublicationReuse reuse) {
        Catalogue catalogue = catalogue();
        List<Table> tables = catalogue.tables();
        for (Table t : tables) {
            Path folder = dir.resolve("lake").resolve(t.folder());
            mkdirs(folder);
            String target = Warehouse.quoteLiteral(folder.toAbsolutePath().toString());
            String lake = "lake/" + t.folder();
            if (t.partitioned()) {
                Map<Integer, String> fingerprints = new java.util.TreeMap<>();
                warehouse.forEachRow("SELECT year, " + PublicationReuse.fingerprintSql("t") + " FROM " + t.name() + " AS t GROUP BY year",
                        rs -> fingerprints.put(rs.getInt(1), rs.getString(2)));
                List<Integer> toWrite = new ArrayList<>();
                fingerprints.forEach((year, fp) -> {
                    String unit = lake + "/year=" + year;
                    if (!reuse.linkIfUnchanged(unit, fp, reuse.previousFiles(unit), dir)) {
                        toWrite.add(year);
                    }
                });
                if (fingerprints.isEmpty()) {
                    // An empty table still gets a file, so its view has columns and readers find the schema.
                    Path empty = mkdirs(folder.resolve("year=0"));
                    warehouse.execute("COPY (SELECT * EXCLUDE (year) FROM " + t.name() + " LIMIT 0) TO "
                            + Warehouse.quoteLiteral(empty.resolve("data_0.parquet").toAbsolutePath().toString()) + " (FORMAT parquet)");
                } else if (!toWrite.isEmpty()) {
                    String years = toWrite.size() == fingerprints.size() ? ""
                            : " WHERE year IN (" + String.join(", ", toWrite.stream().map(String::valueOf).toList()) + ")";
                    warehouse.execute("COPY (SELECT * FROM " + t.name() + years + " ORDER BY " + sortKey(t) + ") TO " + target
                            + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE_OR_IGNORE)");
                }
            } else {
                String fp = warehouse.query("SELECT " + PublicationReuse.fingerprintSql("t") + " FROM " + t.name() + " AS t",
                        rs -> rs.getString(1)).get(0);
                String file = lake + "/data_0.parquet";
                if (!reuse.linkIfUnchanged(lake, fp, List.of(file), dir)) {
                    warehouse.execute("COPY (SELECT * FROM " + t.name() + " ORDER BY " + sortKey(t) + ") TO "
                            + Warehouse.quoteLiteral(folder.resolve("data_0.parquet").toAbsolutePath().toString())
                            + " (FORMAT parquet, COMPRESSION zstd)");
                }
            }
        }
        writeAnalyticsDatabase(dir, catalogue);
        return tables;
    }

    /**
     * The order of a table's rows in its files: the model's {@code -- sort_by:} columns (a unique key, department
     * first, so readers filtering on a department skip row groups), else all columns. Sorting the wide line-level
     * tables by all their columns cost about twice the write itself (measured at national scale).
     */
    private String sortKey(Table t) {
        Path model = warehouse.sqlDirectory().resolve(t.name().replace('.', '/') + ".sql");
        if (!t.name().startsWith("raw.") && Files.isRegularFile(model)) {
            try {
                String key = SqlHeader.value(Files.readString(model), "sort_by", "");
                if (!key.isBlank()) {
                    return key;
                }
            } catch (IOException e) {
                throw new WarehouseException("Cannot read " + model, e);
            }
        }
        return "ALL";
    }

    private void writeAnalyticsDatabase(Path dir, Catalogue catalogue) {
        Path file = dir.resolve(ANALYTICS_DATABASE);
        List<Column> columns = columns(catalogue);
        // The views and comments as one script: a statement each cost a few milliseconds apiece.
        StringBuilder script = new StringBuilder();
        for (Table t : catalogue.tables()) {
            String schema = t.name().substring(0, t.name().indexOf('.'));
            script.append("CREATE SCHEMA IF NOT EXISTS ").append(schema).append(";\n");
            String files = Warehouse.quoteLiteral("lake/" + t.folder() + "/**/*.parquet");
            String select = t.partitioned()
                    ? "SELECT * FROM read_parquet(" + files + ", hive_partitioning = true, hive_types = {'year': INTEGER})"
                    : "SELECT * FROM read_parquet(" + files + ")";
            script.append("CREATE VIEW ").append(t.name()).append(" AS ").append(select).append(";\n");
            String description = catalogue.comments().get(t.name());
            if (description != null && !description.isBlank()) {
                script.append("COMMENT ON VIEW ").append(t.name()).append(" IS ").append(Warehouse.quoteLiteral(description)).append(";\n");
            }
        }
        // The warehouse's own views in core and marts (the names V018 renamed, kept for one release) over the
        // snapshot's views, so an analyst's old query works on the snapshot as on the warehouse.
        for (String view : warehouse.query("""
                SELECT sql FROM duckdb_views() WHERE database_name = current_database() AND NOT internal
                AND schema_name IN ('core', 'marts') ORDER BY schema_name, view_name""", rs -> rs.getString(1))) {
            script.append(view.strip()).append(view.strip().endsWith(";") ? "\n" : ";\n");
        }
        for (Column col : columns) {
            if (col.description() != null) {
                script.append("COMMENT ON COLUMN ").append(col.table()).append('.').append(Warehouse.quoteIdentifier(col.column())).append(" IS ")
                        .append(Warehouse.quoteLiteral(col.description() + (col.unit() == null || col.unit().equals("-") ? "" : " [" + col.unit() + "]")))
                        .append(";\n");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // Attached rather than opened directly: only ATTACH chooses an older storage format (older clients).
            st.execute("ATTACH " + Warehouse.quoteLiteral(file.toAbsolutePath().toString()) + " AS analytics (STORAGE_VERSION "
                    + Warehouse.quoteLiteral(ANALYTICS_STORAGE_VERSION) + ")");
            st.execute("USE analytics");
            // Views name their files relative to the snapshot folder; this resolves them while they are created.
            st.execute("SET file_search_path = " + Warehouse.quoteLiteral(dir.toAbsolutePath().toString()));
            st.execute(script.toString());
            st.execute("CHECKPOINT analytics");
            st.execute("USE memory");
            st.execute("DETACH analytics");
        } catch (SQLException e) {
            throw new WarehouseException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Queries a published snapshot folder without the live warehouse, for a process that does not hold the warehouse
     * (a standby node of a cluster). The query reads the lake's Parquet files with {@code read_parquet}; relative paths
     * resolve against {@code publication}. It runs on an in-memory DuckDB that is closed afterwards.
     */
    public static <T> List<T> queryPublished(Path publication, String sql, Warehouse.RowMapper<T> mapper, Object... params) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET file_search_path = " + Warehouse.quoteLiteral(publication.toAbsolutePath().toString()));
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot read the publication " + publication + ": " + e.getMessage(), e);
        }
    }

    /** The data dictionary as Markdown: every published table and column with type, unit and description. */
    public String dictionaryMarkdown() {
        StringBuilder md = new StringBuilder("""
                # Data dictionary

                Generated from the warehouse schema and the documentation in `sql/` (model comments and
                `sql/dictionary/common_columns.csv`) by `DataDictionaryTest`; do not edit by hand. Every table is
                published to analysts as a view in `analytics.duckdb` and as Parquet under `lake/<table>/`
                (see [analysts.md](analysts.md)).
                """);
        String current = null;
        Catalogue catalogue = catalogue();
        for (Column c : columns(catalogue)) {
            if (!c.table().equals(current)) {
                current = c.table();
                String description = catalogue.comments().getOrDefault(current, "");
                md.append("\n## ").append(current).append("\n\n");
                if (description != null && !description.isBlank()) {
                    md.append(description).append("\n\n");
                }
                md.append("| column | type | unit | description |\n|---|---|---|---|\n");
            }
            md.append("| `").append(c.column()).append("` | ").append(c.type()).append(" | ")
                    .append(c.unit() == null ? "**missing**" : c.unit()).append(" | ")
                    .append(c.description() == null ? "**missing**" : c.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WarehouseException("Cannot create " + dir, e);
        }
    }
}
