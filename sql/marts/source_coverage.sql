-- unique_key: department_code, year
-- Which sources arrived per department and year, and how much: a department with spend but no MVI-ZET
-- export or no supplier results is visible here, and its goals read 'no_data' instead of 0.
--
-- column has_spend (-): True when accepted spend lines exist for the department-year.
-- column has_mvi_zet (-): True when at least one current MVI-ZET tender exists for the department-year; when false its input goals read no_data.
-- column has_supplier_results (-): True when at least one current supplier result exists for the department-year; when false its effect goals read no_data.
-- column spend_line_count (rows): Number of accepted spend lines, supplier and category-total lines together, for the department-year; 0 when none.
-- column supplier_result_count (count): Number of current supplier results (one per contract x metric x period) for the department-year; 0 when none.
-- column spend_file (-): The spend file in the landing folder that supplies the department-year: of the files that have lines for it, the latest arrival (modification time, ties broken by name); NULL when none.
-- column spend_superseded_files (-): Other files in the spend landing folder with lines for the department-year, which spend_file supersedes because it arrived later, comma-separated; NULL when there are none.
WITH spend AS (
    SELECT department_code, year, count(*) AS spend_line_count
    FROM core.fct_spend_line
    GROUP BY ALL
),

tenders AS (
    SELECT department_code, year, count(*) AS tender_count
    FROM core.fct_tender
    GROUP BY ALL
),

results AS (
    SELECT department_code, year, count(*) AS supplier_result_count
    FROM core.fct_supplier_result
    GROUP BY ALL
),

spend_files AS (
    SELECT
        department_code,
        year,
        max(source_file) FILTER (WHERE is_current)                                   AS spend_file,
        string_agg(source_file, ', ' ORDER BY source_file) FILTER (WHERE NOT is_current) AS spend_superseded_files
    FROM raw.input_partition
    WHERE source = 'spend'
    GROUP BY ALL
),

department_years AS (
    SELECT department_code, year FROM spend
    UNION
    SELECT department_code, year FROM tenders
    UNION
    SELECT department_code, year FROM results
)

SELECT
    -- keys
    d.department_code,
    d.year,
    -- attributes
    s.spend_line_count IS NOT NULL            AS has_spend,
    t.tender_count IS NOT NULL                AS has_mvi_zet,
    r.supplier_result_count IS NOT NULL       AS has_supplier_results,
    -- measures
    coalesce(s.spend_line_count, 0)           AS spend_line_count,
    coalesce(t.tender_count, 0)               AS tender_count,
    coalesce(r.supplier_result_count, 0)      AS supplier_result_count,
    -- lineage
    f.spend_file,
    f.spend_superseded_files
FROM department_years AS d
LEFT JOIN spend AS s USING (department_code, year)
LEFT JOIN tenders AS t USING (department_code, year)
LEFT JOIN results AS r USING (department_code, year)
LEFT JOIN spend_files AS f USING (department_code, year)
ORDER BY d.department_code, d.year
