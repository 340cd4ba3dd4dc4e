-- unique_key: load_id, line_no
-- sort_by: department_code, year, load_id, line_no
-- Every reported version of every supplier result, newest first per contract x metric x period: a restatement
-- supersedes the earlier report (latest report date, then latest arrival in the landing folder, then last line; only files in the folder count) but both stay here.
-- For the figures as they stood on a date use the macro results_as_reported_on(date).
--
-- column metric (-): Code of the reported metric from config/reference/result_metrics.csv, such as electricity_use, matched from the file's code or Dutch name (this differs from the goal-level metric in words).
-- column version_rank (-): Position of this version among the versions of its contract x metric x period, 1 being the current one (latest report date, then latest arrival in the landing folder, then last line; only files in the folder count).
-- column is_current (-): True for the version that counts (version_rank 1), which is the row fct_supplier_result keeps.
-- column note (-): The supplier's free-text remark on the figure (Toelichting), kept but not interpreted; NULL when empty.
-- column arrived_at (timestamp): Arrival of the file that brought this version in its landing folder (its modification time, UTC, whole seconds), which decides between versions with the same report date.
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
    i.arrived_at,
    i.source_file,
    r.source_sha256,
    r.line_no
FROM staging.result_record AS r
INNER JOIN raw.input_partition AS i
    ON i.source = 'result' AND i.is_current AND i.rows_load_id = r.load_id
    AND i.department_code = r.department_code AND i.year = r.year
WINDOW versions AS (
    PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end
    ORDER BY r.reported_on DESC NULLS LAST, i.arrived_at DESC, i.source_file DESC, r.line_no DESC
)
