-- unique_key: department_code, year
-- Which sources arrived, per department and year (marts.source_coverage), and for the government-wide page (RIJK)
-- the same summed over the departments: a source counts as arrived for RIJK when it arrived for any department.
--
-- column has_spend (-): True when accepted spend lines exist for the department-year (for RIJK: for any department).
-- column has_mvi_zet (-): True when at least one current MVI-ZET tender exists for the department-year (for RIJK: for any department).
-- column has_supplier_results (-): True when at least one current supplier result exists for the department-year (for RIJK: for any department).
-- column spend_line_count (rows): Accepted spend lines of the department-year (for RIJK: of all departments); 0 when none.
-- column supplier_result_count (count): Current supplier results of the department-year (for RIJK: of all departments); 0 when none.
-- column spend_file (-): The spend file that supplies the department-year (marts.source_coverage); NULL when none and on RIJK rows.
-- column spend_superseded_files (-): Other spend files with lines for the department-year that spend_file supersedes, comma-separated; NULL when none and on RIJK rows.
SELECT
    department_code,
    year,
    has_spend,
    has_mvi_zet,
    has_supplier_results,
    CAST(spend_line_count AS BIGINT)      AS spend_line_count,
    CAST(tender_count AS BIGINT)          AS tender_count,
    CAST(supplier_result_count AS BIGINT) AS supplier_result_count,
    spend_file,
    spend_superseded_files
FROM marts.source_coverage
UNION ALL
SELECT
    'RIJK',
    year,
    bool_or(has_spend),
    bool_or(has_mvi_zet),
    bool_or(has_supplier_results),
    CAST(sum(spend_line_count) AS BIGINT),
    CAST(sum(tender_count) AS BIGINT),
    CAST(sum(supplier_result_count) AS BIGINT),
    CAST(NULL AS VARCHAR),
    CAST(NULL AS VARCHAR)
FROM marts.source_coverage
GROUP BY year
