-- severity: warn
-- description: a cost category has at most one total line per department and year (the highest staffel is used)
SELECT department_code, year, hoofdkostensoort, total_line_count
FROM core.int_spend_category_year
WHERE total_line_count > 1
