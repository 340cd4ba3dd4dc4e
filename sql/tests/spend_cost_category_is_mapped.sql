-- severity: warn
-- description: every cost category found in the files is mapped to generic/specific in config/reference/cost_categories.csv
SELECT DISTINCT hoofdkostensoort, department_code, year
FROM core.int_spend_category_year
WHERE spend_class = 'unclassified'
