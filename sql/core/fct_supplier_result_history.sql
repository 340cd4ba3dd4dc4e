-- Every reported version of every supplier result, newest first per contract x metric x period: a restatement
-- supersedes the earlier report (latest report date, then latest load, then last line) but both stay here.
-- For the figures as they stood on a date use the macro results_as_reported_on(date).
SELECT
    -- keys
    r.contract_id,
    r.metric,
    r.period_start,
    r.period_end,
    row_number() OVER versions                     AS version_rank,
    -- attributes
    r.department_code,
    r.year,
    r.supplier_name,
    r.supplier_kvk,
    r.reported_on,
    row_number() OVER versions = 1                 AS is_current,
    count(*) OVER (PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end) AS version_count,
    r.note,
    -- measures
    r.value_reported,
    r.unit_reported,
    r.value_base,
    r.base_unit,
    -- lineage
    r.load_id,
    l.finished_at                                  AS loaded_at,
    r.source_file,
    r.source_sha256,
    r.line_no
FROM staging.supplier_result AS r
INNER JOIN raw.load AS l USING (load_id)
WINDOW versions AS (
    PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end
    ORDER BY r.reported_on DESC NULLS LAST, l.finished_at DESC, r.line_no DESC
)
