-- unique_key: load_id, line_no
-- sort_by: department_code, year, load_id, line_no
-- The current value of every supplier result (one row per contract x metric x period), in its metric's base unit.
--
-- column metric (-): Code of the reported metric from config/reference/result_metrics.csv, such as electricity_use, matched from the file's code or Dutch name (this differs from the goal-level metric in words).
SELECT
    -- keys
    contract_id,
    metric,
    period_start,
    period_end,
    -- attributes
    department_code,
    year,
    supplier_name,
    supplier_kvk,
    reported_on,
    version_count,
    -- measures
    value_base,
    base_unit,
    value_reported,
    unit_reported,
    -- lineage
    load_id,
    source_file,
    source_sha256,
    line_no
FROM core.fct_supplier_result_history
WHERE is_current
