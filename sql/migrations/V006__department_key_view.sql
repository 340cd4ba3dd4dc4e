-- Every spelling that names a department (its code, its Dutch name and the aliases of
-- config/reference/department_aliases.csv) by its matching key, for the validation queries of all sources.
CREATE VIEW ref.department_key AS
SELECT norm_key(alias) AS department_key, department_code FROM ref.department_alias
UNION
SELECT norm_key(department_code), department_code FROM ref.department
UNION
SELECT norm_key(name_nl), department_code FROM ref.department;
