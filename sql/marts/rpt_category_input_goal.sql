-- unique_key: category_code, year, goal_id
-- sort_by: category_code, year, goal_id
-- The input goals I-IV (evaluation Table 2) counted over the tenders of one government-wide procurement category
-- and year, all ministries together: a tender belongs to the category its MVI-ZET field Rijksinkoopcategorie names,
-- through config/reference/category_mappings.csv (source_kind tender_category). Counted like the departments' input
-- goals (marts.input_goal_department_year): shares over the tenders whose scope and answer are known, undetermined
-- tenders beside them. Published as categories/<code>/input_goals.*.
--
-- column category_code (-): Code of the government-wide procurement category from config/reference/rijksinkoopcategorieen.csv, such as consumptieve-dienstverlening.
-- column category_name_nl (-): Name of the procurement category as the government writes it, such as Consumptieve dienstverlening.
-- column status (-): Judgement of the share: not_applicable (no tender of the category in scope with a known answer), no_target (goal I_all), on_target (share_pct at or above target_share_pct) or below_target.
-- column numerator_tenders (tenders): The category's tenders in scope that meet the goal.
-- column denominator_tenders (tenders): The category's tenders in scope whose answer to the goal is known, the base of share_pct.
-- column undetermined_tenders (tenders): The category's tenders whose scope, or whose answer while in scope, cannot be decided from the record.
-- column share_pct (%): 100 x numerator_tenders / denominator_tenders rounded to 1 decimal; NULL when the denominator is 0.
-- column target_share_pct (%): Target share of the goal from config/reference/input_goals.csv (100 or 50); NULL for I_all, which has no target of its own.
WITH mapping AS (
    SELECT norm_key(source_value) AS match_key, category_code
    FROM ref.category_mapping
    WHERE source_kind = 'tender_category'
),

category_tenders AS (
    SELECT m.category_code, t.year, t.publication_id
    FROM core.fct_tender AS t
    INNER JOIN mapping AS m
        ON m.match_key = norm_key(t.rijksinkoopcategorie)
),

counts AS (
    SELECT
        c.category_code,
        c.year,
        g.goal_id,
        count(DISTINCT c.publication_id)                                                            AS tender_count,
        count(*) FILTER (WHERE tg.is_in_scope AND tg.is_met)                                        AS numerator,
        count(*) FILTER (WHERE tg.is_in_scope AND tg.is_met IS NOT NULL)                            AS denominator,
        count(*) FILTER (WHERE tg.is_in_scope IS NULL OR (tg.is_in_scope AND tg.is_met IS NULL))   AS undetermined
    FROM category_tenders AS c
    CROSS JOIN ref.input_goal AS g
    INNER JOIN core.fct_tender_goal AS tg
        ON tg.publication_id = c.publication_id AND tg.goal_id = g.goal_id
    GROUP BY ALL
)

SELECT
    -- keys
    n.category_code,
    n.year,
    n.goal_id,
    -- attributes
    c.name_nl                                                                   AS category_name_nl,
    g.goal_name_nl,
    g.goal_name_en,
    CASE
        WHEN n.denominator = 0 THEN 'not_applicable'
        WHEN g.target_share_pct IS NULL THEN 'no_target'
        WHEN 100.0 * n.numerator / n.denominator >= g.target_share_pct THEN 'on_target'
        ELSE 'below_target'
    END                                                                         AS status,
    -- measures (tender counts; shares in percent)
    n.numerator                                                                 AS numerator_tenders,
    n.denominator                                                               AS denominator_tenders,
    n.undetermined                                                              AS undetermined_tenders,
    CASE WHEN n.denominator > 0 THEN round(100.0 * n.numerator / n.denominator, 1) END AS share_pct,
    g.target_share_pct,
    n.tender_count
FROM counts AS n
INNER JOIN ref.input_goal AS g USING (goal_id)
INNER JOIN ref.rijksinkoopcategorie AS c USING (category_code)
ORDER BY n.category_code, n.year, n.goal_id
