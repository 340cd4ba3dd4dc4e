package nl.impactmonitor.jobs.supplierresult;

import java.util.List;

import nl.impactmonitor.warehouse.RawLoader;

/**
 * Supplier-reported results (source 3, docs/sources/supplier-results.md): where their rows land and how they
 * are validated. Reports are kept as history; a restatement supersedes the earlier value for its contract,
 * metric and period.
 */
public final class SupplierResultSource {

    public static final String NAME = "results";

    public static final RawLoader.Spec SPEC = new RawLoader.Spec(NAME,
            List.of("contract_id_raw", "supplier_name_raw", "supplier_kvk_raw", "department_raw", "period_year_raw",
                    "period_start_raw", "period_end_raw", "metric_raw", "value_raw", "unit_raw", "note_raw", "reported_on_raw"),
            "staging/supplier_results.validate.sql", "staging.supplier_result", RawLoader.Mode.APPEND_HISTORY);

    private SupplierResultSource() {
    }
}
