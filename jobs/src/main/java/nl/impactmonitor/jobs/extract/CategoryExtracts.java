package nl.impactmonitor.jobs.extract;

import java.nio.file.Path;
import java.util.List;

import nl.impactmonitor.warehouse.PublicationReuse;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The category managers' extracts, one folder per government-wide procurement category (rijksinkoopcategorie) that
 * has spend, tenders or results: {@code categories/<code>/summary|spend|input_goals|results.csv|parquet|json}, from
 * the SQL models {@code marts.rpt_category_*} (columns as the models define them, see docs/data-dictionary.md).
 * Files whose rows did not change are linked from the previous publication, as the department extracts are.
 */
public final class CategoryExtracts {

    private static final Logger log = LoggerFactory.getLogger(CategoryExtracts.class);

    /** Extract name and the model it publishes, with its row order. */
    private static final List<String[]> KINDS = List.of(
            new String[] {"summary", "marts.rpt_category_year", "year"},
            new String[] {"spend", "marts.rpt_category_spend", "year, department_code"},
            new String[] {"input_goals", "marts.rpt_category_input_goal", "year, goal_id"},
            new String[] {"results", "marts.rpt_category_result", "year, department_code, contract_id, metric, period_start, period_end"});

    private CategoryExtracts() {
    }

    /** The categories that get a folder (and a report page): those with a row in marts.rpt_category_year. */
    public static List<String> categories(Warehouse warehouse) {
        return warehouse.query("SELECT DISTINCT category_code FROM marts.rpt_category_year ORDER BY 1", rs -> rs.getString(1));
    }

    /** Writes (or links) every category's extract files below {@code dir}; returns their number. */
    public static int write(Warehouse warehouse, Path dir, PublicationReuse reuse) {
        List<List<String>> every = categories(warehouse).stream().map(List::of).toList();
        int files = 0;
        for (String[] kind : KINDS) {
            files += DepartmentExtracts.perKey(warehouse, dir, reuse, kind[0], List.of("extract_category"),
                    "SELECT category_code AS extract_category, * FROM " + kind[1], "category_code, " + kind[2],
                    k -> "categories/" + k.get(0), every, true);
        }
        log.info("Wrote {} category extract files for {} categories", files, every.size());
        return files;
    }
}
