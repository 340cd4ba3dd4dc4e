-- unique_key: department_code, year, goal_id
-- The four input goals (inspanningsdoelen I-IV, evaluation Table 2) per department x year, and for the whole
-- government as department_code 'RIJK'. Shares are numerator / denominator over tenders whose scope could be
-- decided; undetermined tenders are counted beside them. The RIJK share comes from summed counts, never from
-- averaged percentages. Status: no_data (no MVI-ZET export arrived), not_applicable (no tender in scope),
-- no_target, on_target or below_target.
--
-- column status (-): Judgement of the share: no_data (no MVI-ZET tender for the department-year), not_applicable (no tender in scope with a known answer), no_target (goal I_all), on_target (share_pct at or above target_share_pct) or below_target.
-- column numerator_tenders (tenders): Tenders in scope that meet the goal; NULL when status is no_data.
-- column denominator_tenders (tenders): Tenders in scope whose answer to the goal is known, the base of share_pct; NULL when status is no_data.
-- column undetermined_tenders (tenders): Tenders whose scope, or whose answer while in scope, cannot be decided from the record, counted beside the share instead of in it; NULL when status is no_data.
-- column share_pct (%): 100 x numerator_tenders / denominator_tenders rounded to 1 decimal, for RIJK from the summed counts; NULL when status is no_data or the denominator is 0.
-- column target_share_pct (%): Target share of the goal from config/reference/input_goals.csv (100 or 50); NULL for I_all, which is reported for context without a target.
-- column departments_without_data (count): On a RIJK row, the number of departments with other data in that year but no MVI-ZET tender; NULL on department rows.
WITH coverage AS (
    SELECT department_code, year, has_mvi_zet, tender_count
    FROM marts.source_coverage
),

goal_counts AS (
    SELECT
        c.department_code,
        c.year,
        g.goal_id,
        c.has_mvi_zet,
        c.tender_count,
        count(t.publication_id) FILTER (WHERE t.is_in_scope AND t.is_met)                               AS numerator,
        count(t.publication_id) FILTER (WHERE t.is_in_scope AND t.is_met IS NOT NULL)                   AS denominator,
        count(t.publication_id) FILTER (WHERE t.is_in_scope IS NULL OR (t.is_in_scope AND t.is_met IS NULL)) AS undetermined
    FROM coverage AS c
    CROSS JOIN ref.input_goal AS g
    LEFT JOIN core.fct_tender_goal AS t
        ON t.department_code = c.department_code AND t.year = c.year AND t.goal_id = g.goal_id
    GROUP BY ALL
),

rijksbreed AS (
    SELECT
        'RIJK'                                     AS department_code,
        year,
        goal_id,
        bool_or(has_mvi_zet)                       AS has_mvi_zet,
        CAST(sum(tender_count) AS BIGINT)          AS tender_count,
        CAST(sum(numerator) AS BIGINT)             AS numerator,
        CAST(sum(denominator) AS BIGINT)           AS denominator,
        CAST(sum(undetermined) AS BIGINT)          AS undetermined,
        count(*) FILTER (WHERE NOT has_mvi_zet)    AS departments_without_data
    FROM goal_counts
    GROUP BY ALL
),

all_counts AS (
    SELECT department_code, year, goal_id, has_mvi_zet, tender_count, numerator, denominator, undetermined,
           CAST(NULL AS BIGINT) AS departments_without_data
    FROM goal_counts
    UNION ALL BY NAME
    SELECT department_code, year, goal_id, has_mvi_zet, tender_count, numerator, denominator, undetermined,
           departments_without_data
    FROM rijksbreed
)

SELECT
    -- keys
    a.department_code,
    a.year,
    a.goal_id,
    -- attributes
    g.goal_name_nl,
    g.goal_name_en,
    g.metric,
    CASE
        WHEN NOT a.has_mvi_zet THEN 'no_data'
        WHEN a.denominator = 0 THEN 'not_applicable'
        WHEN g.target_share_pct IS NULL THEN 'no_target'
        WHEN 100.0 * a.numerator / a.denominator >= g.target_share_pct THEN 'on_target'
        ELSE 'below_target'
    END                                                                         AS status,
    -- measures (tender counts; shares in percent)
    CASE WHEN a.has_mvi_zet THEN a.numerator END                                AS numerator_tenders,
    CASE WHEN a.has_mvi_zet THEN a.denominator END                              AS denominator_tenders,
    CASE WHEN a.has_mvi_zet THEN a.undetermined END                             AS undetermined_tenders,
    CASE WHEN a.has_mvi_zet AND a.denominator > 0
         THEN round(100.0 * a.numerator / a.denominator, 1) END                 AS share_pct,
    g.target_share_pct                                                          AS target_share_pct,
    a.tender_count                                                              AS tender_count,
    a.departments_without_data                                                  AS departments_without_data
FROM all_counts AS a
INNER JOIN ref.input_goal AS g USING (goal_id)
ORDER BY a.department_code, a.year, a.goal_id
