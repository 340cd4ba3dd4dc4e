-- severity: error
-- description: every alias points at a department defined in config/reference/departments.csv
SELECT a.alias, a.department_code
FROM ref.department_alias AS a
LEFT JOIN ref.department AS d USING (department_code)
WHERE d.department_code IS NULL
