package nl.impactmonitor.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documentation of the models' columns, kept in the SQL sources so it cannot drift from them: a model's leading
 * comment describes the table, lines {@code -- column <name> (<unit>): <description>} describe its own columns, and
 * {@code sql/dictionary/common_columns.csv} describes columns that mean the same in every model. Applied after each
 * build as DuckDB comments and rows of {@code meta.column_doc}.
 */
final class ColumnDocs {

    private static final Pattern COLUMN_LINE = Pattern.compile("^--\\s*column\\s+([a-z0-9_]+)\\s*\\(([^)]*)\\)\\s*:\\s*(.+)$");

    record Doc(String unit, String description) {
    }

    private final Map<String, Doc> common;

    private ColumnDocs(Map<String, Doc> common) {
        this.common = common;
    }

    Map<String, Doc> common() {
        return common;
    }

    static ColumnDocs read(Warehouse w, Path sqlDirectory) {
        Path file = sqlDirectory.resolve("dictionary/common_columns.csv");
        Map<String, Doc> common = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            w.forEachRow("SELECT \"column\", unit, description FROM read_csv(" + Warehouse.quoteLiteral(file.toAbsolutePath().toString())
                    + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')",
                    rs -> common.put(rs.getString(1).strip(), new Doc(rs.getString(2).strip(), rs.getString(3).strip())));
        }
        return new ColumnDocs(common);
    }

    /** Comments the built model and records each column's unit and description (none where undocumented). */
    void apply(Warehouse w, ModelRunner.Model model) {
        String tableDescription = tableDescription(model.sql());
        Map<String, Doc> own = new LinkedHashMap<>();
        for (String line : model.sql().split("\n")) {
            Matcher m = COLUMN_LINE.matcher(line.strip());
            if (m.matches()) {
                own.put(m.group(1), new Doc(m.group(2).strip(), m.group(3).strip()));
            }
        }
        String kind = model.materialization().equals("view") ? "VIEW" : "TABLE";
        // One statement for the comments and the rows of meta.column_doc: per column statements and a scan of
        // duckdb_columns() per model cost about half a publication's time on small warehouses (JFR, PublisherIT).
        StringBuilder sql = new StringBuilder("COMMENT ON " + kind + " " + model.name() + " IS " + Warehouse.quoteLiteral(tableDescription) + ";\n");
        List<String> rows = new ArrayList<>();
        for (String column : columnNames(w, model.name())) {
            Doc doc = own.getOrDefault(column, common.get(column));
            rows.add("(" + Warehouse.quoteLiteral(model.name()) + ", " + Warehouse.quoteLiteral(column) + ", "
                    + (doc == null ? "NULL, NULL" : Warehouse.quoteLiteral(doc.unit()) + ", " + Warehouse.quoteLiteral(doc.description())) + ")");
            if (doc != null) {
                sql.append("COMMENT ON COLUMN ").append(model.name()).append('.').append(Warehouse.quoteIdentifier(column)).append(" IS ")
                        .append(Warehouse.quoteLiteral(doc.description() + (doc.unit().equals("-") ? "" : " [" + doc.unit() + "]"))).append(";\n");
            }
        }
        if (!rows.isEmpty()) {
            sql.append("INSERT INTO meta.column_doc (table_name, column_name, unit, description) VALUES ").append(String.join(", ", rows));
        }
        w.execute(sql.toString());
    }

    /**
     * A table's or view's column names in order, from its own description: {@code duckdb_columns()} lists every column
     * of every table and is scanned whole for each question.
     */
    static List<String> columnNames(Warehouse w, String table) {
        return w.query("SELECT name FROM pragma_table_info(" + Warehouse.quoteLiteral(table) + ") ORDER BY cid", rs -> rs.getString(1));
    }

    /** The leading comment lines, without settings and column lines, as one paragraph. */
    static String tableDescription(String sql) {
        List<String> parts = new ArrayList<>();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("--")) {
                break;
            }
            String text = t.substring(2).strip();
            if (COLUMN_LINE.matcher(t).matches() || text.matches("^(materialized|incremental_by|sort_by|unique_key)\\s*:.*")) {
                continue;
            }
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return String.join(" ", parts);
    }
}
