-- unique_key: category_code, year
-- sort_by: category_code, year
-- One row per government-wide procurement category and year that has spend, tenders or supplier results: the
-- category's government-wide spend range, how many ministries spend in it, its tenders and their ISV coverage (the
-- international social conditions, input goal IV: the share of the category's tenders that applied ISV among those
-- that answered), and how many contracts report results. Published as categories/<code>/summary.* and as the head
-- of the category's report page.
--
-- column category_code (-): Code of the government-wide procurement category from config/reference/rijksinkoopcategorieen.csv, such as consumptieve-dienstverlening.
-- column category_name_nl (-): Name of the procurement category as the government writes it, such as Consumptieve dienstverlening.
-- column is_isv_risk_category (-): Whether the category is a designated ISV risk category (evaluation Table 4), where ISV is mandatory above the EU threshold.
-- column ministry_count (count): Number of ministries with spend in the category in the year.
-- column isv_in_scope_tenders (tenders): The category's tenders that must apply ISV (input goal IV in scope: risk category, above the EU threshold, published since the ISV start date).
-- column isv_answered_tenders (tenders): The category's tenders whose record answers whether ISV was applied.
-- column isv_applied_tenders (tenders): The category's tenders that applied ISV.
-- column isv_coverage_pct (%): 100 x isv_applied_tenders / isv_answered_tenders rounded to 1 decimal; NULL when no tender answered.
-- column result_contract_count (count): Number of contracts of the category with a supplier-reported result for the year.
WITH tender_mapping AS (
    SELECT norm_key(source_value) AS match_key, category_code
    FROM ref.category_mapping
    WHERE source_kind = 'tender_category'
),

tenders AS (
    SELECT
        m.category_code,
        t.year,
        count(*)                                              AS tender_count,
        count(*) FILTER (WHERE t.goal_iv_in_scope)            AS isv_in_scope_tenders,
        count(*) FILTER (WHERE t.isv_applied IS NOT NULL)     AS isv_answered_tenders,
        count(*) FILTER (WHERE t.isv_applied)                 AS isv_applied_tenders
    FROM core.fct_tender AS t
    INNER JOIN tender_mapping AS m
        ON m.match_key = norm_key(t.rijksinkoopcategorie)
    GROUP BY ALL
),

spend AS (
    SELECT
        category_code,
        year,
        count(*) FILTER (WHERE department_code <> 'RIJK')                 AS ministry_count,
        max(spend_min_eur) FILTER (WHERE department_code = 'RIJK')        AS spend_min_eur,
        max(spend_mid_eur) FILTER (WHERE department_code = 'RIJK')        AS spend_mid_eur,
        max(spend_max_eur) FILTER (WHERE department_code = 'RIJK')        AS spend_max_eur,
        bool_or(is_spend_max_unbounded)                                   AS is_spend_max_unbounded
    FROM marts.rpt_category_spend
    GROUP BY ALL
),

results AS (
    SELECT category_code, year, count(DISTINCT contract_id) AS result_contract_count
    FROM marts.rpt_category_result
    GROUP BY ALL
),

category_years AS (
    SELECT category_code, year FROM spend
    UNION
    SELECT category_code, year FROM tenders
    UNION
    SELECT category_code, year FROM results
)

SELECT
    -- keys
    y.category_code,
    y.year,
    -- attributes
    c.name_nl                                         AS category_name_nl,
    c.is_isv_risk_category,
    coalesce(s.ministry_count, 0)                     AS ministry_count,
    -- measures
    s.spend_min_eur,
    s.spend_mid_eur,
    s.spend_max_eur,
    coalesce(s.is_spend_max_unbounded, false)         AS is_spend_max_unbounded,
    coalesce(t.tender_count, 0)                       AS tender_count,
    coalesce(t.isv_in_scope_tenders, 0)               AS isv_in_scope_tenders,
    coalesce(t.isv_answered_tenders, 0)               AS isv_answered_tenders,
    coalesce(t.isv_applied_tenders, 0)               AS isv_applied_tenders,
    CASE WHEN t.isv_answered_tenders > 0 THEN round(100.0 * t.isv_applied_tenders / t.isv_answered_tenders, 1) END AS isv_coverage_pct,
    coalesce(r.result_contract_count, 0)              AS result_contract_count
FROM category_years AS y
INNER JOIN ref.rijksinkoopcategorie AS c USING (category_code)
LEFT JOIN spend AS s USING (category_code, year)
LEFT JOIN tenders AS t USING (category_code, year)
LEFT JOIN results AS r USING (category_code, year)
ORDER BY y.category_code, y.year
