-- The current value of every supplier result (one row per contract x metric x period), in its metric's base unit.
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
