package nl.impactmonitor.jobs.extract;

import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per department and year, {@code <out>/<year>/<department>/spend.csv} and {@code spend.parquet}: the spend
 * figures of marts.spend_by_department_year (generic, specific, unclassified, total), each with min/mid/max.
 */
public final class SpendExtract {

    private static final Logger log = LoggerFactory.getLogger(SpendExtract.class);

    static final String COLUMNS = """
            department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur, spend_max_is_unbounded,
            category_count, categories_by_total_band, categories_by_supplier_sum_staffel_13,
            categories_by_supplier_sum_no_total, categories_excluded_staffel_0, supplier_line_count""";

    private SpendExtract() {
    }

    /** Writes all extracts; returns the number of department-years written. */
    public static int write(Warehouse warehouse, Path outDir) {
        List<String[]> partitions = warehouse.query(
                "SELECT DISTINCT department_code, CAST(year AS VARCHAR) FROM marts.spend_by_department_year ORDER BY ALL",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] p : partitions) {
            Path dir = outDir.resolve(p[1]).resolve(p[0]);
            String sql = "SELECT " + COLUMNS + " FROM marts.spend_by_department_year WHERE department_code = ? AND year = ?"
                    + " ORDER BY spend_class";
            CsvExtract.write(warehouse, sql, dir.resolve("spend.csv"), p[0], Integer.parseInt(p[1]));
            warehouse.copyToParquet("SELECT " + COLUMNS + " FROM marts.spend_by_department_year WHERE department_code = "
                    + Warehouse.quoteLiteral(p[0]) + " AND year = " + Integer.parseInt(p[1]) + " ORDER BY spend_class",
                    dir.resolve("spend.parquet"));
        }
        log.info("Wrote spend extracts for {} department-years under {}", partitions.size(), outDir.toAbsolutePath());
        return partitions.size();
    }
}
