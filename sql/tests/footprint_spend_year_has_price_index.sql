-- severity: warn
-- description: every spend year has a price index in config/reference/price_indices.csv; without one its footprint is not computed (NULL)
SELECT DISTINCT department_code, year
FROM core.int_footprint_category_year
WHERE price_index_ratio IS NULL
