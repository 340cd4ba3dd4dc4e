package nl.impactmonitor.jobs.reference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.impactmonitor.jobs.landing.SourceColumns;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.Warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reference data kept as readable files in {@code config/reference/}: put into the warehouse's {@code ref}
 * schema at the start of every run, so a steward's edit takes effect on the next run without a release.
 */
@Component
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    /** Warehouse table and the file it is read from, in load order. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("ref.department", "departments.csv");
        TABLES.put("ref.department_alias", "department_aliases.csv");
        TABLES.put("ref.staffel_band", "staffel_bands.csv");
        TABLES.put("ref.cost_category", "cost_categories.csv");
        TABLES.put("ref.spend_total_marker", "spend_total_markers.csv");
        TABLES.put("ref.value_alias", "value_aliases.csv");
        TABLES.put("ref.mvi_product_group", "mvi_product_groups.csv");
        TABLES.put("ref.eu_threshold", "eu_thresholds.csv");
        TABLES.put("ref.isv_risk_category", "isv_risk_categories.csv");
        TABLES.put("ref.input_goal", "input_goals.csv");
        TABLES.put("ref.input_goal_parameter", "input_goal_parameters.csv");
    }

    private final Warehouse warehouse;
    private final Path directory;

    public ReferenceData(Warehouse warehouse, ImpactmonitorProperties props) {
        this.warehouse = warehouse;
        this.directory = props.resolve(props.referenceDir());
    }

    public void load() {
        TABLES.forEach((table, file) -> warehouse.replaceReferenceTable(table, directory.resolve(file)));
        log.info("Reference data loaded from {}", directory);
    }

    /** Header names accepted for a source's columns ({@code <source>_columns.csv}). */
    public SourceColumns columns(String source) {
        return SourceColumns.read(directory.resolve(source + "_columns.csv"));
    }
}
