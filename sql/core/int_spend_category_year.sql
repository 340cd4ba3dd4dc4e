-- unique_key: department_code, year, hoofdkostensoort
-- incremental_by: department_code, year
-- Spend per department x year x cost category by the report's method (Appendix 4):
--   * the category total's staffel gives the amount (its midpoint, and its band bounds for min/max);
--   * a category total in staffel 13 has no upper bound, so the category is the sum of its supplier lines;
--   * a file without category totals gives the sum of supplier lines for every category;
--   * staffel 0 (zero or negative) is left out, as a total and as a supplier line.
-- `method` says which rule applied. A sum that includes an unbounded staffel-13 line has no maximum:
-- spend_max_eur is NULL and is_spend_max_unbounded is true; no number is made up for it.
--
-- column method (-): Rule that produced the category's figures: category_total_band (the band of its total line), supplier_sum_staffel_13 (total line in staffel 13, so the supplier lines are summed), supplier_sum_no_total (no total line, so the supplier lines are summed) or excluded_staffel_0 (total line in staffel 0, figures 0).
-- column total_staffel (-): Staffel of the category's total line, the highest one when the file has several; NULL when the category has no total line.
-- column total_line_count (rows): Number of category-total lines found for the category, normally 1, and 0 when the file gives only supplier lines.
-- column supplier_lines_staffel_0 (rows): Number of the category's supplier lines in staffel 0 (zero or negative), which the supplier sums leave out.
WITH lines AS (
    SELECT
        department_code,
        year,
        hoofdkostensoort,
        spend_class,
        impact_segment,
        is_category_total,
        staffel,
        staffel_min_eur,
        staffel_mid_eur,
        staffel_max_eur
    FROM core.fct_spend_line
),

category_totals AS (
    SELECT
        department_code,
        year,
        hoofdkostensoort,
        max(staffel) AS total_staffel,
        count(*)     AS total_line_count
    FROM lines
    WHERE is_category_total
    GROUP BY ALL
),

supplier_sums AS (
    SELECT
        department_code,
        year,
        hoofdkostensoort,
        count(*)                                                AS supplier_line_count,
        count(*) FILTER (WHERE staffel = 0)                     AS supplier_lines_staffel_0,
        CAST(coalesce(sum(staffel_min_eur) FILTER (WHERE staffel > 0), 0) AS BIGINT) AS min_eur,
        CAST(coalesce(sum(staffel_mid_eur) FILTER (WHERE staffel > 0), 0) AS BIGINT) AS mid_eur,
        CAST(coalesce(sum(staffel_max_eur) FILTER (WHERE staffel > 0), 0) AS BIGINT) AS bounded_max_eur,
        coalesce(bool_or(staffel = 13), false)                  AS has_unbounded_line
    FROM lines
    WHERE NOT is_category_total
    GROUP BY ALL
),

categories AS (
    SELECT DISTINCT
        department_code,
        year,
        hoofdkostensoort,
        spend_class,
        impact_segment
    FROM lines
),

with_method AS (
    SELECT
        c.*,
        t.total_staffel,
        coalesce(t.total_line_count, 0)        AS total_line_count,
        coalesce(s.supplier_line_count, 0)     AS supplier_line_count,
        coalesce(s.supplier_lines_staffel_0, 0) AS supplier_lines_staffel_0,
        s.min_eur                              AS supplier_min_eur,
        s.mid_eur                              AS supplier_mid_eur,
        s.bounded_max_eur                      AS supplier_bounded_max_eur,
        coalesce(s.has_unbounded_line, false)  AS supplier_has_unbounded_line,
        CASE
            WHEN t.total_staffel IS NULL THEN 'supplier_sum_no_total'
            WHEN t.total_staffel = 0 THEN 'excluded_staffel_0'
            WHEN t.total_staffel = 13 AND s.supplier_line_count > 0 THEN 'supplier_sum_staffel_13'
            ELSE 'category_total_band'
        END AS method
    FROM categories AS c
    LEFT JOIN category_totals AS t USING (department_code, year, hoofdkostensoort)
    LEFT JOIN supplier_sums AS s USING (department_code, year, hoofdkostensoort)
)

SELECT
    -- keys
    w.department_code,
    w.year,
    w.hoofdkostensoort,
    -- attributes
    w.spend_class,
    w.impact_segment,
    w.method,
    w.total_staffel,
    w.total_line_count,
    w.supplier_line_count,
    w.supplier_lines_staffel_0,
    -- measures (EUR)
    CAST(CASE w.method
        WHEN 'category_total_band' THEN b.min_eur
        WHEN 'excluded_staffel_0' THEN 0
        ELSE w.supplier_min_eur
    END AS BIGINT) AS spend_min_eur,
    CAST(CASE w.method
        WHEN 'category_total_band' THEN b.mid_eur
        WHEN 'excluded_staffel_0' THEN 0
        ELSE w.supplier_mid_eur
    END AS BIGINT) AS spend_mid_eur,
    CAST(CASE
        WHEN w.method = 'category_total_band' THEN b.max_eur
        WHEN w.method = 'excluded_staffel_0' THEN 0
        WHEN w.supplier_has_unbounded_line THEN NULL
        ELSE w.supplier_bounded_max_eur
    END AS BIGINT) AS spend_max_eur,
    CASE
        WHEN w.method = 'category_total_band' THEN b.max_eur IS NULL
        WHEN w.method = 'excluded_staffel_0' THEN false
        ELSE w.supplier_has_unbounded_line
    END AS is_spend_max_unbounded
FROM with_method AS w
LEFT JOIN ref.staffel_band AS b
    ON b.staffel = w.total_staffel
