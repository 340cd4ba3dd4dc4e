-- unique_key: department_code
-- The pages of the HTML progress report: one per department with figures (marts.source_coverage), named as in its
-- latest period of config/reference/departments.csv, and the government-wide page RIJK.
--
-- column name_nl (-): The page's department name in Dutch (the latest period's name_nl in departments.csv).
-- column name_en (-): The same in English.
-- column is_government_wide (-): True on the RIJK page (all ministries together), which comes after the departments.
WITH named AS (
    SELECT
        department_code,
        name_nl,
        name_en,
        row_number() OVER (PARTITION BY department_code ORDER BY valid_from_year DESC NULLS FIRST) AS period_from_latest
    FROM ref.department
    WHERE department_code IN (SELECT department_code FROM marts.source_coverage)
)

SELECT
    department_code,
    name_nl,
    name_en,
    false AS is_government_wide
FROM named
WHERE period_from_latest = 1
UNION ALL
SELECT
    'RIJK',
    'Rijksoverheid (alle ministeries)',
    'Central government (all ministries)',
    true
