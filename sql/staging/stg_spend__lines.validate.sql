-- Validates and types the spend lines of one load batch (temporary view load_lines, filled by the loader).
-- Returns one row per line read; `rejects` lists every problem found on it, and NULL or an empty list means the
-- line is loaded into staging.spend_line. `warning` names what loads but will not count as the file meant (a cost
-- category config/reference/cost_categories.csv does not know); the loader lists each per file in the run table.
-- Typed values (XLSX cells, JSON numbers) arrive marked (sql/macros/20_numbers.sql): number and date columns keep the
-- mark so parse_amount, parse_quantity and parse_date take them as typed; text columns and whole-number codes (a year:
-- a typed 2023.0 is written '2023', a typed 2023.5 '2023.5', which is no year) are read without it.
WITH raw_lines AS (
    SELECT
        load_id,
        source_file,
        source_sha256,
        line_no,
        nullif(trim(typed_text(department_raw)), '') AS department_raw,
        nullif(trim(typed_text(year_raw)), '')       AS year_raw,
        nullif(trim(typed_text(category_raw)), '')   AS category_raw,
        nullif(trim(typed_text(supplier_raw)), '')   AS supplier_raw,
        nullif(trim(typed_text(staffel_raw)), '')    AS staffel_raw
    FROM load_lines
),

-- Names are matched once per distinct spelling and year, not once per line: a file repeats a handful of department
-- spellings and far fewer supplier names than lines. A name loads under the code valid in the line's year
-- (ref.department_year: LNV in 2025 is LVVN, EZ in 2020 is EZK).
departments AS (
    SELECT
        v.department_raw,
        v.year_raw,
        coalesce(dy.department_code, k.department_code) AS department_code,
        dy.problem                                      AS department_problem
    FROM (
        SELECT DISTINCT department_raw, year_raw,
               CASE WHEN regexp_full_match(year_raw, '\d{4}') THEN CAST(year_raw AS INTEGER) END AS year_value
        FROM raw_lines
    ) AS v
    LEFT JOIN ref.department_key AS k ON k.department_key = norm_key(v.department_raw)
    LEFT JOIN ref.department_year AS dy ON dy.named_code = k.department_code AND dy.year = v.year_value
),

total_markers AS (
    SELECT v.supplier_raw
    FROM (SELECT DISTINCT supplier_raw FROM raw_lines) AS v
    WHERE norm_key(v.supplier_raw) IN (SELECT norm_key(marker) FROM ref.spend_total_marker)
),

-- Matched as fct_spend_line matches them: case, accents, spaces and punctuation ignored (name_key).
unmapped_categories AS (
    SELECT v.category_raw
    FROM (SELECT DISTINCT category_raw FROM raw_lines WHERE category_raw IS NOT NULL) AS v
    WHERE name_key(v.category_raw) NOT IN (SELECT name_key(hoofdkostensoort) FROM ref.cost_category)
),

typed AS (
    SELECT
        r.*,
        dep.department_code,
        dep.department_problem,
        CASE WHEN regexp_full_match(r.year_raw, '\d{4}') THEN CAST(r.year_raw AS INTEGER) END       AS year_value,
        CASE WHEN regexp_full_match(r.staffel_raw, '\d{1,2}') THEN CAST(r.staffel_raw AS INTEGER) END AS staffel_value,
        t.supplier_raw IS NOT NULL                                                                 AS is_total,
        u.category_raw IS NOT NULL                                                                 AS is_unmapped_category
    FROM raw_lines AS r
    LEFT JOIN departments AS dep ON dep.department_raw IS NOT DISTINCT FROM r.department_raw
                                AND dep.year_raw IS NOT DISTINCT FROM r.year_raw
    LEFT JOIN total_markers AS t ON t.supplier_raw = r.supplier_raw
    LEFT JOIN unmapped_categories AS u ON u.category_raw = r.category_raw
)

SELECT
    department_code,
    year_value                                    AS year,
    category_raw                                  AS hoofdkostensoort,
    CASE WHEN is_total THEN NULL ELSE supplier_raw END AS supplier_name,
    is_total                                      AS is_category_total,
    staffel_value                                 AS staffel,
    load_id,
    source_file,
    source_sha256,
    line_no,
    list_filter([
        department_reject(department_raw, department_code, year_value, department_problem),
        CASE
            WHEN year_raw IS NULL THEN
                {'column_name': 'year', 'value_raw': NULL, 'reason': 'year is missing'}
            WHEN year_value IS NULL THEN
                {'column_name': 'year', 'value_raw': year_raw, 'reason': 'year ''' || year_raw || ''' is not a year'}
            WHEN year_value < 2000 OR year_value > year(current_date) + 1 THEN
                {'column_name': 'year', 'value_raw': year_raw,
                 'reason': 'year ' || year_value || ' is outside 2000-' || (year(current_date) + 1)}
        END,
        CASE
            WHEN category_raw IS NULL THEN
                {'column_name': 'hoofdkostensoort', 'value_raw': NULL, 'reason': 'cost category (hoofdkostensoort) is missing'}
        END,
        CASE
            WHEN supplier_raw IS NULL THEN
                {'column_name': 'supplier', 'value_raw': NULL, 'reason': 'supplier is missing'}
        END,
        CASE
            WHEN staffel_raw IS NULL THEN
                {'column_name': 'staffel', 'value_raw': NULL, 'reason': 'staffel is missing'}
            WHEN staffel_value IS NULL OR staffel_value > 13 THEN
                {'column_name': 'staffel', 'value_raw': staffel_raw,
                 'reason': 'staffel ''' || staffel_raw || ''' is not a band code 0-13'}
        END
    ], lambda x: x IS NOT NULL) AS rejects,
    CASE WHEN is_unmapped_category THEN
        'cost category ''' || category_raw || ''' maps to nothing in config/reference/cost_categories.csv (counted as unclassified)'
    END AS warning
FROM typed
