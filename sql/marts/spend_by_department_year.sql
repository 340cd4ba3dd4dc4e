-- unique_key: department_code, year, spend_class
-- Spend per department x year, split generic / specific (and 'unclassified' for cost categories missing
-- from config/reference/cost_categories.csv), plus a 'total' row: the figures of the report's Table 1,
-- each with its range. spend_max_eur is NULL where a staffel-13 amount has no upper bound.
--
-- column spend_max_is_unbounded (-): Deprecated since V018, to be dropped in the next release: the same as is_spend_max_unbounded, under its old name.
-- column category_count (count): Number of cost categories (hoofdkostensoort values) in the row's spend class, or in all classes on the total row.
-- column categories_by_total_band (count): How many of those categories took the band of their total line (method category_total_band).
-- column categories_by_supplier_sum_staffel_13 (count): How many of those categories were summed from their supplier lines because their total line is in staffel 13 (method supplier_sum_staffel_13).
-- column categories_by_supplier_sum_no_total (count): How many of those categories were summed from their supplier lines because they have no total line (method supplier_sum_no_total).
-- column categories_excluded_staffel_0 (count): How many of those categories count as 0 because their total line is in staffel 0 (method excluded_staffel_0).
WITH categories AS (
    SELECT
        department_code,
        year,
        spend_class,
        method,
        supplier_line_count,
        spend_min_eur,
        spend_mid_eur,
        spend_max_eur,
        is_spend_max_unbounded
    FROM core.int_spend_category_year
),

per_class AS (
    SELECT
        department_code,
        year,
        spend_class,
        count(*)                                                  AS category_count,
        count(*) FILTER (WHERE method = 'category_total_band')     AS categories_by_total_band,
        count(*) FILTER (WHERE method = 'supplier_sum_staffel_13') AS categories_by_supplier_sum_staffel_13,
        count(*) FILTER (WHERE method = 'supplier_sum_no_total')   AS categories_by_supplier_sum_no_total,
        count(*) FILTER (WHERE method = 'excluded_staffel_0')      AS categories_excluded_staffel_0,
        CAST(sum(supplier_line_count) AS BIGINT)                  AS supplier_line_count,
        CAST(sum(spend_min_eur) AS BIGINT)                        AS spend_min_eur,
        CAST(sum(spend_mid_eur) AS BIGINT)                        AS spend_mid_eur,
        CAST(CASE WHEN bool_or(is_spend_max_unbounded) THEN NULL ELSE sum(spend_max_eur) END AS BIGINT) AS spend_max_eur,
        bool_or(is_spend_max_unbounded)                           AS is_spend_max_unbounded
    FROM categories
    GROUP BY ALL
),

total AS (
    SELECT
        department_code,
        year,
        'total'                                                      AS spend_class,
        CAST(sum(category_count) AS BIGINT)                          AS category_count,
        CAST(sum(categories_by_total_band) AS BIGINT)                AS categories_by_total_band,
        CAST(sum(categories_by_supplier_sum_staffel_13) AS BIGINT)   AS categories_by_supplier_sum_staffel_13,
        CAST(sum(categories_by_supplier_sum_no_total) AS BIGINT)     AS categories_by_supplier_sum_no_total,
        CAST(sum(categories_excluded_staffel_0) AS BIGINT)           AS categories_excluded_staffel_0,
        CAST(sum(supplier_line_count) AS BIGINT)                     AS supplier_line_count,
        CAST(sum(spend_min_eur) AS BIGINT)                           AS spend_min_eur,
        CAST(sum(spend_mid_eur) AS BIGINT)                           AS spend_mid_eur,
        CAST(CASE WHEN bool_or(is_spend_max_unbounded) THEN NULL ELSE sum(spend_max_eur) END AS BIGINT) AS spend_max_eur,
        bool_or(is_spend_max_unbounded)                              AS is_spend_max_unbounded
    FROM per_class
    GROUP BY ALL
),

all_rows AS (
    SELECT * FROM per_class
    UNION ALL BY NAME
    SELECT * FROM total
)

SELECT
    -- keys
    department_code,
    year,
    spend_class,
    -- measures (EUR)
    spend_min_eur,
    spend_mid_eur,
    spend_max_eur,
    is_spend_max_unbounded,
    -- how the figure was made
    category_count,
    categories_by_total_band,
    categories_by_supplier_sum_staffel_13,
    categories_by_supplier_sum_no_total,
    categories_excluded_staffel_0,
    supplier_line_count,
    -- deprecated (V018): the old name of is_spend_max_unbounded, kept for analysts for one release
    is_spend_max_unbounded AS spend_max_is_unbounded
FROM all_rows
ORDER BY department_code, year, spend_class
