-- unique_key: category_code, year, department_code
-- sort_by: category_code, year, department_code
-- Spend per government-wide procurement category (rijksinkoopcategorie) x year x ministry, with its range
-- (Appendix 4 min/mid/max), and for the whole government as department_code 'RIJK'. A cost category counts for the
-- category that config/reference/category_mappings.csv (source_kind cost_category) names; cost categories without
-- a mapping count for none. Published as categories/<code>/spend.* and on the category's report page.
--
-- column category_code (-): Code of the government-wide procurement category from config/reference/rijksinkoopcategorieen.csv, such as consumptieve-dienstverlening.
-- column category_name_nl (-): Name of the procurement category as the government writes it, such as Consumptieve dienstverlening.
-- column cost_category_count (count): Number of the ministry's cost categories (hoofdkostensoorten) that map to the category in the year.
-- column share_of_category_mid_pct (%): The ministry's spend_mid_eur as a share of the category's government-wide spend_mid_eur, rounded to 1 decimal; 100 on the RIJK row; NULL when the category's total is 0.
WITH mapping AS (
    SELECT norm_key(source_value) AS match_key, category_code
    FROM ref.category_mapping
    WHERE source_kind = 'cost_category'
),

per_department AS (
    SELECT
        m.category_code,
        s.year,
        s.department_code,
        count(DISTINCT s.hoofdkostensoort)                                         AS cost_category_count,
        CAST(sum(s.spend_min_eur) AS BIGINT)                                       AS spend_min_eur,
        CAST(sum(s.spend_mid_eur) AS BIGINT)                                       AS spend_mid_eur,
        CAST(CASE WHEN bool_or(s.is_spend_max_unbounded) THEN NULL ELSE sum(s.spend_max_eur) END AS BIGINT) AS spend_max_eur,
        bool_or(s.is_spend_max_unbounded)                                          AS is_spend_max_unbounded
    FROM core.int_spend_category_year AS s
    INNER JOIN mapping AS m
        ON m.match_key = norm_key(s.hoofdkostensoort)
    GROUP BY ALL
),

rijksbreed AS (
    SELECT
        category_code,
        year,
        'RIJK'                                                                     AS department_code,
        CAST(sum(cost_category_count) AS BIGINT)                                   AS cost_category_count,
        CAST(sum(spend_min_eur) AS BIGINT)                                         AS spend_min_eur,
        CAST(sum(spend_mid_eur) AS BIGINT)                                         AS spend_mid_eur,
        CAST(CASE WHEN bool_or(is_spend_max_unbounded) THEN NULL ELSE sum(spend_max_eur) END AS BIGINT) AS spend_max_eur,
        bool_or(is_spend_max_unbounded)                                            AS is_spend_max_unbounded
    FROM per_department
    GROUP BY ALL
),

all_rows AS (
    SELECT * FROM per_department
    UNION ALL BY NAME
    SELECT * FROM rijksbreed
)

SELECT
    -- keys
    a.category_code,
    a.year,
    a.department_code,
    -- attributes
    c.name_nl                                                                      AS category_name_nl,
    a.cost_category_count,
    -- measures (EUR)
    a.spend_min_eur,
    a.spend_mid_eur,
    a.spend_max_eur,
    a.is_spend_max_unbounded,
    CASE WHEN r.spend_mid_eur > 0 THEN round(100.0 * a.spend_mid_eur / r.spend_mid_eur, 1) END AS share_of_category_mid_pct
FROM all_rows AS a
INNER JOIN ref.rijksinkoopcategorie AS c USING (category_code)
INNER JOIN rijksbreed AS r
    ON r.category_code = a.category_code AND r.year = a.year
ORDER BY a.category_code, a.year, a.department_code
