package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SQL models in {@code sql/staging}, {@code sql/core} and {@code sql/marts}, dbt style: one
 * {@code SELECT} per file, named {@code <folder>.<file name>}. A model depends on every other model it
 * names as {@code schema.model}; models run in that dependency order, all in one transaction so a failing
 * model leaves the previous build intact. Staging models are views, the others tables, unless the file
 * says {@code -- materialized: view|table}. Files ending in {@code .validate.sql} are load-time
 * validation queries, not models. A partition rerun rebuilds only what its change reaches
 * ({@link #buildAffected}).
 */
public final class ModelRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelRunner.class);
    static final List<String> LAYERS = List.of("staging", "core", "marts");
    private static final Pattern REFERENCE = Pattern.compile("\\b(staging|core|marts)\\.([a-z0-9_]+)\\b");

    private final Warehouse warehouse;
    private final Path sqlDirectory;

    ModelRunner(Warehouse warehouse, Path sqlDirectory) {
        this.warehouse = warehouse;
        this.sqlDirectory = sqlDirectory;
    }

    /** A model as found on disk. */
    public record Model(String name, Path file, String materialization, String sql, Set<String> dependsOn) {
    }

    /** All models, in the order they must be built. */
    public List<Model> plan() {
        Map<String, Model> byName = new TreeMap<>();
        for (String layer : LAYERS) {
            Path dir = sqlDirectory.resolve(layer);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (!fileName.endsWith(".sql") || fileName.endsWith(".validate.sql")) {
                        continue;
                    }
                    String sql = stripTrailingSemicolon(Files.readString(file));
                    String name = layer + "." + fileName.substring(0, fileName.length() - 4);
                    String materialization = SqlHeader.value(sql, "materialized", layer.equals("staging") ? "view" : "table");
                    if (!materialization.equals("view") && !materialization.equals("table")) {
                        throw new WarehouseException(file + ": materialized must be view or table, not " + materialization);
                    }
                    byName.put(name, new Model(name, file, materialization, sql, new LinkedHashSet<>()));
                }
            } catch (IOException e) {
                throw new WarehouseException("Cannot read models in " + dir, e);
            }
        }
        for (Model model : byName.values()) {
            Matcher m = REFERENCE.matcher(withoutComments(model.sql()));
            while (m.find()) {
                String ref = m.group(1) + "." + m.group(2);
                if (!ref.equals(model.name()) && byName.containsKey(ref)) {
                    model.dependsOn().add(ref);
                }
            }
        }
        List<Model> ordered = new ArrayList<>();
        Map<String, Boolean> state = new LinkedHashMap<>();
        for (Model model : byName.values()) {
            visit(model, byName, state, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(Model model, Map<String, Model> byName, Map<String, Boolean> state, List<Model> ordered,
                              List<String> path) {
        Boolean done = state.get(model.name());
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        path.add(model.name());
        if (Boolean.FALSE.equals(done)) {
            throw new WarehouseException("Models depend on each other in a cycle: " + String.join(" -> ", path));
        }
        state.put(model.name(), false);
        for (String dep : model.dependsOn()) {
            visit(byName.get(dep), byName, state, ordered, path);
        }
        state.put(model.name(), true);
        path.remove(path.size() - 1);
        ordered.add(model);
    }

    /** Builds every model and records its documentation; returns the names in build order. */
    public List<String> buildAll() {
        List<Model> plan = plan();
        ColumnDocs docs = ColumnDocs.read(warehouse, sqlDirectory);
        warehouse.inTransaction(w -> {
            w.execute("DELETE FROM meta.column_doc WHERE table_name IN (SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_schema IN ('staging', 'core', 'marts'))");
            for (Model model : plan) {
                long start = System.nanoTime();
                String kind = model.materialization().equals("view") ? "VIEW" : "TABLE";
                try {
                    w.execute("CREATE OR REPLACE " + kind + " " + model.name() + " AS\n" + model.sql());
                } catch (WarehouseException e) {
                    throw new WarehouseException("Model " + model.name() + " (" + model.file() + ") failed: " + e.getMessage(), e);
                }
                docs.apply(w, model);
                log.info("Built {} {} in {} ms", kind.toLowerCase(), model.name(), (System.nanoTime() - start) / 1_000_000);
            }
            return null;
        });
        return plan.stream().map(Model::name).toList();
    }

    /**
     * Rebuilds only the models that read, directly or through other models, one of the {@code changed} tables (a
     * partition rerun changes one staging table). A model whose header says {@code -- incremental_by:
     * department_code, year} keeps its other partitions and rebuilds just the given department-year (delete, then
     * insert its own query's rows for that partition); the others are rebuilt whole. Returns what was built.
     */
    public List<String> buildAffected(Set<String> changed, String departmentCode, int year) {
        List<Model> plan = plan();
        Set<String> affected = new LinkedHashSet<>(changed);
        List<Model> toBuild = new ArrayList<>();
        for (Model model : plan) {
            Matcher m = REFERENCE.matcher(withoutComments(model.sql()));
            while (m.find()) {
                if (affected.contains(m.group(1) + "." + m.group(2))) {
                    affected.add(model.name());
                    toBuild.add(model);
                    break;
                }
            }
        }
        ColumnDocs docs = ColumnDocs.read(warehouse, sqlDirectory);
        List<String> built = new ArrayList<>();
        warehouse.inTransaction(w -> {
            for (Model model : toBuild) {
                long start = System.nanoTime();
                boolean incremental = SqlHeader.value(model.sql(), "incremental_by", "").replace(" ", "").equals("department_code,year")
                        && model.materialization().equals("table") && hasPartitionColumns(w, model.name());
                try {
                    if (incremental) {
                        String where = " WHERE department_code = " + Warehouse.quoteLiteral(departmentCode) + " AND year = " + year;
                        w.execute("DELETE FROM " + model.name() + where);
                        w.execute("INSERT INTO " + model.name() + " BY NAME SELECT * FROM (\n" + model.sql() + "\n) AS m" + where);
                    } else {
                        String kind = model.materialization().equals("view") ? "VIEW" : "TABLE";
                        w.execute("CREATE OR REPLACE " + kind + " " + model.name() + " AS\n" + model.sql());
                        w.execute("DELETE FROM meta.column_doc WHERE table_name = " + Warehouse.quoteLiteral(model.name()));
                        docs.apply(w, model);
                    }
                } catch (WarehouseException e) {
                    throw new WarehouseException("Model " + model.name() + " (" + model.file() + ") failed: " + e.getMessage(), e);
                }
                built.add(model.name() + (incremental ? " (" + departmentCode + " " + year + ")" : ""));
                log.info("Built {}{} in {} ms", model.name(), incremental ? " for " + departmentCode + " " + year : "",
                        (System.nanoTime() - start) / 1_000_000);
            }
            return null;
        });
        return built;
    }

    /**
     * Whether the table exists with its partition columns: a placeholder that a migration made for a renamed model
     * (V018) has not, and is rebuilt whole.
     */
    private static boolean hasPartitionColumns(Warehouse w, String table) {
        // asked of duckdb_tables() first: a failed statement would abort the build's transaction
        return w.queryLong("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
                + " AND schema_name || '.' || table_name = ?", table) == 1
                && ColumnDocs.columnNames(w, table).containsAll(List.of("department_code", "year"));
    }

    static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\n]*", "");
    }
}
