-- severity: error
-- description: every predecessor, successor and continued_by in config/reference/departments.csv names a department of that file, and continued_by is one of the successors
WITH links AS (
    SELECT department_code, valid_from_year, 'predecessors' AS link, trim(unnest(string_split(predecessors, ';'))) AS linked_code
    FROM ref.department WHERE nullif(trim(predecessors), '') IS NOT NULL
    UNION ALL
    SELECT department_code, valid_from_year, 'successors', trim(unnest(string_split(successors, ';')))
    FROM ref.department WHERE nullif(trim(successors), '') IS NOT NULL
    UNION ALL
    SELECT department_code, valid_from_year, 'continued_by', trim(continued_by)
    FROM ref.department WHERE nullif(trim(continued_by), '') IS NOT NULL
)
SELECT department_code, valid_from_year, link, linked_code
FROM links
WHERE linked_code NOT IN (SELECT department_code FROM ref.department)
   OR (link = 'continued_by' AND linked_code NOT IN (
        SELECT trim(unnest(string_split(d.successors, ';'))) FROM ref.department AS d
        WHERE d.department_code = links.department_code AND d.valid_from_year = links.valid_from_year))
