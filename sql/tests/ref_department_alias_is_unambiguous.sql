-- severity: error
-- description: no alias in config/reference/department_aliases.csv names two departments
SELECT norm_key(alias) AS alias_key, list(DISTINCT department_code) AS departments
FROM ref.department_alias
GROUP BY ALL
HAVING count(DISTINCT department_code) > 1
