-- severity: error
-- description: the periods of one department code in config/reference/departments.csv do not overlap and each ends no earlier than it starts
SELECT a.department_code, a.valid_from_year, a.valid_to_year, b.valid_from_year AS other_from_year
FROM ref.department AS a
LEFT JOIN ref.department AS b
  ON b.department_code = a.department_code AND b.valid_from_year > a.valid_from_year
 AND b.valid_from_year <= coalesce(a.valid_to_year, 9999)
WHERE b.department_code IS NOT NULL OR a.valid_to_year < a.valid_from_year
