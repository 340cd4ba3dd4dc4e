-- Validates, types and converts the supplier-reported results of one load batch (temporary view load_lines, filled
-- by the loader): one output row per row read; `rejects` lists every problem (empty: kept in staging.result_record).
-- Values are converted to their metric's base unit through config/reference/units.csv.
-- Typed values (XLSX cells, JSON numbers) arrive marked (sql/macros/20_numbers.sql): number and date columns keep the
-- mark so parse_amount, parse_quantity and parse_date take them as typed; text columns and whole-number codes (a year:
-- a typed 2023.0 is written '2023', a typed 2023.5 '2023.5', which is no year) are read without it.
WITH raw_rows AS (
    SELECT
        load_id,
        source_file,
        source_sha256,
        line_no,
        nullif(trim(typed_text(contract_id_raw)), '')    AS contract_id_raw,
        nullif(trim(typed_text(supplier_name_raw)), '')  AS supplier_name_raw,
        nullif(trim(typed_text(supplier_kvk_raw)), '')   AS supplier_kvk_raw,
        nullif(trim(typed_text(department_raw)), '')     AS department_raw,
        nullif(trim(typed_text(period_year_raw)), '')    AS period_year_raw,
        nullif(trim(period_start_raw), '')   AS period_start_raw,
        nullif(trim(period_end_raw), '')     AS period_end_raw,
        nullif(trim(typed_text(metric_raw)), '')         AS metric_raw,
        nullif(trim(value_raw), '')          AS value_raw,
        nullif(trim(typed_text(unit_raw)), '')           AS unit_raw,
        nullif(trim(typed_text(note_raw)), '')           AS note_raw,
        nullif(trim(reported_on_raw), '')    AS reported_on_raw
    FROM load_lines
),

metric_keys AS (
    SELECT norm_key(metric) AS metric_key, metric, quantity, base_unit FROM ref.result_metric
    UNION
    SELECT norm_key(metric_name_nl), metric, quantity, base_unit FROM ref.result_metric
),

-- A value that is ambiguous on its own ('1.500') is read in the notation the rest of its file's column shows.
value_notations AS (
    SELECT
        load_id,
        column_notation(bool_or(number_notation(value_raw) = 'dutch'), bool_or(number_notation(value_raw) = 'english')) AS value_notation
    FROM raw_rows
    GROUP BY load_id
),

unit_keys AS (
    SELECT norm_key(unit) AS unit_key, unit, quantity, factor_to_base FROM ref.unit
),

typed AS (
    SELECT
        r.*,
        k.department_code,
        m.metric,
        m.quantity                                   AS metric_quantity,
        m.base_unit,
        u.unit,
        u.quantity                                   AS unit_quantity,
        u.factor_to_base,
        parse_quantity(r.value_raw, notation := n.value_notation) AS value_number,
        number_notation(r.value_raw) = 'ambiguous'   AS value_is_ambiguous,
        CASE WHEN regexp_full_match(r.period_year_raw, '\d{4}') THEN CAST(r.period_year_raw AS INTEGER) END AS period_year,
        parse_date(r.period_start_raw)               AS start_date,
        parse_date(r.period_end_raw)                 AS end_date,
        parse_date(r.reported_on_raw)                AS reported_on
    FROM raw_rows AS r
    LEFT JOIN ref.department_key AS k ON k.department_key = norm_key(r.department_raw)
    LEFT JOIN metric_keys AS m ON m.metric_key = norm_key(r.metric_raw)
    LEFT JOIN unit_keys AS u ON u.unit_key = norm_key(r.unit_raw)
    LEFT JOIN value_notations AS n ON n.load_id = r.load_id
),

periods AS (
    SELECT
        *,
        CASE WHEN period_year_raw IS NOT NULL THEN make_date(period_year, 1, 1) ELSE start_date END   AS period_start,
        CASE WHEN period_year_raw IS NOT NULL THEN make_date(period_year, 12, 31) ELSE end_date END   AS period_end,
        -- values beyond 1e20 cannot be converted exactly; they are rejected below instead of overflowing
        CASE WHEN abs(value_number) < 1e20 THEN CAST(round(value_number * factor_to_base, 6) AS DECIMAL(38, 6)) END AS value_base
    FROM typed
),

-- The department under the code valid in the reporting year (ref.department_year: LNV in 2025 is LVVN).
with_department AS (
    SELECT
        p.* REPLACE (coalesce(dy.department_code, p.department_code) AS department_code),
        dy.problem AS department_problem
    FROM periods AS p
    LEFT JOIN ref.department_year AS dy ON dy.named_code = p.department_code AND dy.year = year(p.period_end)
)

SELECT
    contract_id_raw          AS contract_id,
    supplier_name_raw        AS supplier_name,
    supplier_kvk_raw         AS supplier_kvk,
    department_code,
    year(period_end)         AS year,
    period_start,
    period_end,
    metric,
    value_number             AS value_reported,
    unit                     AS unit_reported,
    value_base,
    base_unit,
    note_raw                 AS note,
    reported_on,
    load_id,
    source_file,
    source_sha256,
    line_no,
    list_filter([
        CASE WHEN contract_id_raw IS NULL THEN
            {'column_name': 'contract_id', 'value_raw': NULL, 'reason': 'contract number is missing'} END,
        CASE WHEN supplier_name_raw IS NULL THEN
            {'column_name': 'supplier', 'value_raw': NULL, 'reason': 'supplier is missing'} END,
        CASE WHEN supplier_kvk_raw IS NOT NULL AND NOT regexp_full_match(supplier_kvk_raw, '\d{8}') THEN
            {'column_name': 'supplier_kvk', 'value_raw': supplier_kvk_raw,
             'reason': 'KvK number ''' || supplier_kvk_raw || ''' is not 8 digits'} END,
        department_reject(department_raw, department_code, year(period_end), department_problem),
        CASE
            WHEN metric_raw IS NULL THEN
                {'column_name': 'metric', 'value_raw': NULL, 'reason': 'metric is missing'}
            WHEN metric IS NULL THEN
                {'column_name': 'metric', 'value_raw': metric_raw,
                 'reason': 'unknown metric ''' || metric_raw || ''' (metrics are listed in config/reference/result_metrics.csv)'}
        END,
        CASE
            WHEN unit_raw IS NULL THEN
                {'column_name': 'unit', 'value_raw': NULL, 'reason': 'unit is missing'}
            WHEN unit IS NULL THEN
                {'column_name': 'unit', 'value_raw': unit_raw,
                 'reason': 'unknown unit ''' || unit_raw || ''' (units are listed in config/reference/units.csv)'}
            WHEN metric IS NOT NULL AND unit_quantity <> metric_quantity THEN
                {'column_name': 'unit', 'value_raw': unit_raw,
                 'reason': 'unit ''' || unit_raw || ''' measures ' || unit_quantity || ', but metric ' || metric
                           || ' is measured as ' || metric_quantity || ' (base unit ' || base_unit || ')'}
        END,
        CASE
            WHEN value_raw IS NULL THEN
                {'column_name': 'value', 'value_raw': NULL, 'reason': 'value is missing'}
            WHEN value_number IS NULL AND value_is_ambiguous THEN
                {'column_name': 'value', 'value_raw': value_raw, 'reason': ambiguous_number_reason(value_raw)}
            WHEN value_number IS NULL THEN
                {'column_name': 'value', 'value_raw': value_raw, 'reason': 'value ''' || value_raw || ''' is not a number'}
            WHEN abs(value_number) >= 1e20 THEN
                {'column_name': 'value', 'value_raw': value_raw, 'reason': 'value ''' || value_raw || ''' is too large'}
            -- energy labels run from A++++ (-3) to G (7): a label score below zero is a label better than A+
            WHEN metric_quantity = 'label_score' AND (value_base < -3 OR value_base > 7) THEN
                {'column_name': 'value', 'value_raw': value_raw,
                 'reason': 'label score ' || value_raw || ' is outside the scale A++++ = -3 to G = 7'}
            WHEN value_number < 0 AND metric_quantity IS DISTINCT FROM 'label_score' THEN
                {'column_name': 'value', 'value_raw': value_raw,
                 'reason': 'negative value ' || value_raw || ' for ' || coalesce(metric, metric_raw) || ' is not plausible'}
            WHEN metric_quantity = 'share' AND value_base > 100 THEN
                {'column_name': 'value', 'value_raw': value_raw,
                 'reason': 'share ' || value_raw || ' ' || unit_raw || ' is above 100%'}
        END,
        CASE
            WHEN period_year_raw IS NULL AND (period_start_raw IS NULL OR period_end_raw IS NULL) THEN
                {'column_name': 'period', 'value_raw': NULL,
                 'reason': 'reporting period is missing: give a year, or both a start and an end date'}
            WHEN period_year_raw IS NOT NULL AND period_year IS NULL THEN
                {'column_name': 'period', 'value_raw': period_year_raw, 'reason': 'year ''' || period_year_raw || ''' is not a year'}
            WHEN period_year_raw IS NULL AND (start_date IS NULL OR end_date IS NULL) THEN
                {'column_name': 'period', 'value_raw': period_start_raw || ' - ' || period_end_raw,
                 'reason': 'period ''' || period_start_raw || ' - ' || period_end_raw || ''' is not two dates (dd-mm-yyyy or yyyy-mm-dd)'}
            WHEN period_start > period_end THEN
                {'column_name': 'period', 'value_raw': period_start_raw || ' - ' || period_end_raw,
                 'reason': 'period starts after it ends'}
            WHEN period_end > current_date THEN
                {'column_name': 'period', 'value_raw': coalesce(period_year_raw, period_end_raw),
                 'reason': 'period ending ' || strftime(period_end, '%d-%m-%Y') || ' lies in the future'}
            WHEN year(period_end) < 2000 THEN
                {'column_name': 'period', 'value_raw': coalesce(period_year_raw, period_end_raw),
                 'reason': 'period ending ' || strftime(period_end, '%d-%m-%Y') || ' is before 2000'}
            WHEN year(period_start) < 2000 THEN
                {'column_name': 'period', 'value_raw': period_start_raw,
                 'reason': 'period starting ' || strftime(period_start, '%d-%m-%Y') || ' is before 2000'}
        END,
        date_reject('reported_on', 'report date', reported_on_raw, reported_on)
    ], lambda x: x IS NOT NULL) AS rejects
FROM with_department
