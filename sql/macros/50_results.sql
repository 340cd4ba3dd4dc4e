-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- Supplier results as they stood on a date, among the files that count now; between versions reported on the same
-- day the later arrival counts. (First defined in V003, then V010; here since V017 renamed the source to `result`.)
CREATE OR REPLACE MACRO results_as_reported_on(as_of) AS TABLE
    SELECT
        r.contract_id, r.supplier_name, r.department_code, r.year, r.period_start, r.period_end, r.metric,
        r.value_base, r.base_unit, r.value_reported, r.unit_reported, r.reported_on,
        r.load_id, i.source_file, r.source_sha256, r.line_no
    FROM staging.result_record AS r
    INNER JOIN raw.input_partition AS i
        ON i.source = 'result' AND i.rows_load_id = r.load_id AND i.department_code = r.department_code AND i.year = r.year
    WHERE coalesce(r.reported_on, CAST(i.arrived_at AS DATE)) <= as_of
    QUALIFY row_number() OVER (
        PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end
        ORDER BY r.reported_on DESC NULLS LAST, i.arrived_at DESC, i.source_file DESC, r.line_no DESC
    ) = 1;
