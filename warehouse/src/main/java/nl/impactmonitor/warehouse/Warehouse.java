package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB warehouse: the only class that holds a DuckDB connection. One instance per process,
 * since DuckDB allows a single writing process per file; calls are serialised on the connection.
 * A node of a cluster creates it {@link #unopened unopened} and opens the file only while it holds the writer lock.
 */
public final class Warehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final WarehouseSettings settings;
    /** Null while the file is not open in this process (see {@link #unopened}); guarded by {@code this}. */
    private volatile DuckDBConnection connection;

    private Warehouse(WarehouseSettings settings) {
        this.settings = settings;
    }

    /** Opens (creating if needed) the warehouse file and brings its schema up to date. */
    public static Warehouse open(WarehouseSettings settings) {
        Warehouse warehouse = new Warehouse(settings);
        warehouse.attach();
        return warehouse;
    }

    /**
     * A warehouse whose file is not opened yet: every query fails until {@link #attach()}. For a process that may
     * write only while it holds a lock, so another process can have the file meanwhile.
     */
    public static Warehouse unopened(WarehouseSettings settings) {
        return new Warehouse(settings);
    }

    /**
     * A connection of its own to the same open database ({@link DuckDBConnection#duplicate()}), for readers such as
     * the health check and the admin page: its calls lock the returned object, not this one, so they do not wait for a
     * statement of the writer and see what the writer last committed. Use it only to read, and close it soon: while
     * it is open DuckDB keeps the file open (and locked) even after {@link #detach()}.
     */
    public Warehouse reader() {
        DuckDBConnection c = connection;
        if (c == null) {
            throw new WarehouseException("Warehouse " + settings.databaseFile() + " is not open in this process");
        }
        Warehouse reader = new Warehouse(settings);
        try {
            reader.connection = c.duplicate();
        } catch (SQLException e) {
            throw new WarehouseException("Cannot open a reading connection to " + settings.databaseFile() + ": " + e.getMessage(), e);
        }
        return reader;
    }

    /** Whether the file is open in this process. Does not wait for a running statement. */
    public boolean isOpen() {
        return connection != null;
    }

    /** Opens (creating if needed) the file and brings its schema up to date; does nothing when it is open already. */
    public synchronized void attach() {
        if (connection != null) {
            return;
        }
        try {
            Path parent = settings.databaseFile().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Properties props = new Properties();
            if (!settings.memoryLimit().isBlank()) {
                props.setProperty("memory_limit", settings.memoryLimit());
            }
            if (settings.threads() > 0) {
                props.setProperty("threads", Integer.toString(settings.threads()));
            }
            // No network here and none wanted: never try to download extensions at run time.
            props.setProperty("autoinstall_known_extensions", "false");
            props.setProperty("autoload_known_extensions", "false");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + settings.databaseFile().toAbsolutePath(), props);
            connection = c.unwrap(DuckDBConnection.class);
            try {
                // Let DuckDB track the progress of long statements (executeWithProgress), without printing a bar itself.
                execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
                new Migrations(this, settings.sqlDirectory().resolve("migrations")).apply();
                new Macros(this, settings.sqlDirectory().resolve("macros")).apply();
            } catch (RuntimeException e) {
                detach();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("Cannot open warehouse " + settings.databaseFile() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WarehouseException("Cannot create folder for warehouse " + settings.databaseFile(), e);
        }
    }

    public WarehouseSettings settings() {
        return settings;
    }

    public Path sqlDirectory() {
        return settings.sqlDirectory();
    }

    /** Runs one or more statements without parameters (a whole SQL file may be passed). */
    public synchronized void execute(String sql) {
        try (Statement st = connection().createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /**
     * Runs one long statement and reports DuckDB's own progress of it (percentage and rows) to {@code listener} every
     * {@code intervalMillis} while it runs, so an operator sees a large load move.
     */
    public synchronized void executeWithProgress(String sql, java.util.function.Consumer<org.duckdb.QueryProgress> listener,
                                                 long intervalMillis) {
        try (Statement st = connection().createStatement()) {
            java.util.concurrent.ScheduledExecutorService poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "duckdb-progress");
                t.setDaemon(true);
                return t;
            });
            try {
                poller.scheduleAtFixedRate(() -> {
                    try {
                        org.duckdb.QueryProgress progress = st.unwrap(org.duckdb.DuckDBPreparedStatement.class).getQueryProgress();
                        if (progress.getPercentage() >= 0) {
                            listener.accept(progress);
                        }
                    } catch (SQLException | RuntimeException e) {
                        // progress is a courtesy; the statement itself reports real failures
                    }
                }, intervalMillis, intervalMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                st.execute(sql);
            } finally {
                poller.shutdownNow();
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /** Runs one statement with positional parameters; returns the update count where DuckDB gives one. */
    public synchronized long update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.execute();
            long count = ps.getLargeUpdateCount();
            return Math.max(count, 0);
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /** Maps every row of a query. */
    public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        }
    }

    /** Streams the rows of a query to a consumer without collecting them. */
    public synchronized void forEachRow(String sql, RowConsumer consumer, Object... params) {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage(), e);
        } catch (IOException e) {
            throw new WarehouseException("Writing query result failed: " + e.getMessage(), e);
        }
    }

    public long queryLong(String sql, Object... params) {
        List<Long> rows = query(sql, rs -> rs.getLong(1), params);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    /**
     * Runs work in one DuckDB transaction. SQL {@code BEGIN}/{@code COMMIT} on an autocommit connection
     * is used on purpose: DuckDB's Appender ignores JDBC-level rollback (see shared/STACK.md).
     */
    public synchronized <T> T inTransaction(TransactionWork<T> work) {
        execute("BEGIN TRANSACTION");
        try {
            T result = work.run(this);
            execute("COMMIT");
            return result;
        } catch (RuntimeException e) {
            try {
                execute("ROLLBACK");
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /** Models (staging views, core and mart tables) found under {@code sql/}. */
    public ModelRunner models() {
        return new ModelRunner(this, settings.sqlDirectory());
    }

    /** Data tests under {@code sql/tests/}. */
    public DataTests dataTests() {
        return new DataTests(this, settings.sqlDirectory().resolve("tests"));
    }

    /** The analysts' snapshot (Parquet lake, views database) and the data dictionary. */
    public Snapshot snapshot() {
        return new Snapshot(this);
    }

    private RawLoader rawLoader;

    /** ELT loading of delimited text files into staging and rejects (one loader per warehouse). */
    public synchronized RawLoader rawLoader() {
        if (rawLoader == null) {
            rawLoader = new RawLoader(this);
        }
        return rawLoader;
    }

    /** What the landing folders hold and which file supplies each partition. */
    public InboxLedger ledger() {
        return new InboxLedger(this);
    }

    /** Reads a SQL file below {@code sql/}. */
    public String sqlFile(String relativePath) {
        Path file = settings.sqlDirectory().resolve(relativePath);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read SQL file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces a reference table ({@code ref.*}, typed by a migration) with the rows of a readable CSV file from
     * {@code config/reference/}. Columns are matched by header name; a value that does not fit its column
     * stops the run with the file named.
     */
    public void replaceReferenceTable(String table, Path csvFile) {
        if (!Files.isRegularFile(csvFile)) {
            throw new WarehouseException("Reference file " + csvFile.toAbsolutePath() + " not found (for " + table + ")");
        }
        try {
            inTransaction(w -> {
                w.execute("DELETE FROM " + table);
                w.execute("INSERT INTO " + table + " BY NAME SELECT * FROM read_csv(" + quoteLiteral(csvFile.toAbsolutePath().toString())
                        + ", header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false"
                        + ", columns = " + csvColumns(w, table, csvFile) + ")");
                return null;
            });
        } catch (WarehouseException e) {
            throw new WarehouseException("Reference file " + csvFile + " does not fit " + table + ": " + e.getMessage(), e);
        }
    }

    private static String csvColumns(Warehouse w, String table, Path csvFile) {
        String headerLine;
        try (var reader = Files.newBufferedReader(csvFile)) {
            headerLine = reader.readLine();
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + csvFile + ": " + e.getMessage(), e);
        }
        if (headerLine == null || headerLine.isBlank()) {
            throw new WarehouseException("line 1: header row missing");
        }
        StringBuilder sb = new StringBuilder("{");
        String[] names = headerLine.replace("\uFEFF", "").split(",");
        for (int i = 0; i < names.length; i++) {
            sb.append(i > 0 ? ", " : "").append(quoteLiteral(names[i].strip())).append(": 'VARCHAR'");
        }
        return sb.append('}').toString();
    }

    /** Writes a query's result to a Parquet file with DuckDB's own writer. */
    public void copyToParquet(String selectSql, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new WarehouseException("Cannot create folder for " + target, e);
        }
        execute("COPY (" + selectSql + ") TO " + quoteLiteral(target.toAbsolutePath().toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
    }

    /** Writes a query's result as one JSON array of objects. */
    public void copyToJson(String selectSql, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new WarehouseException("Cannot create folder for " + target, e);
        }
        execute("COPY (" + selectSql + ") TO " + quoteLiteral(target.toAbsolutePath().toString()) + " (FORMAT json, ARRAY true)");
    }

    /**
     * Writes a query's result as one file per distinct value of its leading key columns, in one COPY: the query's
     * first {@code keyColumns} columns are the key and are not written; rows keep the query's order within a file.
     * {@code options} are COPY options such as {@code FORMAT parquet, COMPRESSION zstd}. The files land below
     * {@code scratch} (which must not exist yet); the result maps each key (values as text) to its file.
     */
    public synchronized Map<List<String>, Path> copyPerKey(String selectSql, int keyColumns, String options, Path scratch) {
        List<String> keys = new ArrayList<>();
        try {
            Files.createDirectories(scratch);
            try (Statement st = connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM (" + selectSql + ") LIMIT 0")) {
                for (int i = 1; i <= keyColumns; i++) {
                    keys.add(rs.getMetaData().getColumnLabel(i));
                }
            }
        } catch (IOException | SQLException e) {
            throw new WarehouseException("Cannot prepare " + scratch + ": " + e.getMessage(), e);
        }
        StringJoiner partitionBy = new StringJoiner(", ");
        keys.forEach(k -> partitionBy.add(quoteIdentifier(k)));
        execute("COPY (" + selectSql + ") TO " + quoteLiteral(scratch.toAbsolutePath().toString())
                + " (" + options + ", PARTITION_BY (" + partitionBy + "), FILENAME_PATTERN 'data')");
        Map<List<String>, Path> files = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        try (java.util.stream.Stream<Path> paths = Files.walk(scratch)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                List<String> values = new ArrayList<>();
                for (Path segment : scratch.relativize(file.getParent())) {
                    String text = segment.toString();
                    values.add(percentDecode(text.substring(text.indexOf('=') + 1)));
                }
                files.put(values, file);
            }
        } catch (IOException e) {
            throw new WarehouseException("Cannot list " + scratch + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Hive partition folders are percent-encoded by DuckDB ({@code I%26W} for {@code I&W}). */
    static String percentDecode(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Quotes a string as a SQL literal (for the few places DuckDB takes no parameter, like file paths in COPY). */
    public static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Quotes an identifier. */
    public static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection().prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private DuckDBConnection connection() {
        DuckDBConnection c = connection;
        if (c == null) {
            throw new WarehouseException("Warehouse " + settings.databaseFile() + " is not open in this process");
        }
        return c;
    }

    /** Closes the file (releasing DuckDB's file lock) but keeps this object, so {@link #attach()} can open it again. */
    public synchronized void detach() {
        DuckDBConnection c = connection;
        if (c == null) {
            return;
        }
        connection = null;
        try {
            c.close();
            log.debug("Closed warehouse {}", settings.databaseFile());
        } catch (SQLException e) {
            throw new WarehouseException("Closing warehouse failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        detach();
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException, IOException;
    }

    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Warehouse warehouse);
    }
}
