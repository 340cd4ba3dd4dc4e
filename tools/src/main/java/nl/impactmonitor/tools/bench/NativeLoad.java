package nl.impactmonitor.tools.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The whole-process baseline of the benchmark: a plain Java program (DuckDB's JDBC driver on the class path, nothing
 * else) that does DuckDB's own {@code CREATE TABLE AS SELECT * FROM read_csv(...)} of one file into a new database
 * and prints the row count. JVM start plus DuckDB's native library is the floor for any Java tool here.
 * Usage: {@code java -cp duckdb_jdbc.jar:classes nl.impactmonitor.tools.bench.NativeLoad FILE DATABASE}.
 */
public final class NativeLoad {

    private NativeLoad() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[1]); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + args[0].replace("'", "''")
                    + "', delim = ';', header = true, all_varchar = true)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                System.out.println(rs.getLong(1) + " rows");
            }
        }
    }
}
