-- The publication's progress table: one row per department (and RIJK) x goal x year, for the three kinds of
-- figures side by side: effect goals (progress against the 2030 targets), input goals I-IV (shares of tenders)
-- and spend (a range from the staffels, with min / mid / max). Themes are given in both theme sets.
WITH effect AS (
    SELECT
        department_code,
        year,
        'effect'              AS goal_kind,
        goal_id,
        goal_name_nl,
        goal_name_en,
        theme_strategy,
        theme_national_plan,
        metric,
        unit,
        status,
        actual_value,
        CAST(NULL AS DECIMAL(38, 3)) AS actual_min,
        CAST(NULL AS DECIMAL(38, 3)) AS actual_max,
        baseline_year,
        baseline_value,
        trajectory_value,
        target_year,
        target_value
    FROM marts.progress_department_year
),

input AS (
    SELECT
        i.department_code,
        i.year,
        'input'                                      AS goal_kind,
        'input_' || i.goal_id                        AS goal_id,
        i.goal_name_nl,
        i.goal_name_en,
        g.theme_strategy,
        CASE g.theme_strategy WHEN 'isv' THEN 'isv_chain' WHEN 'all' THEN 'all' ELSE g.theme_strategy END AS theme_national_plan,
        i.metric,
        '%'                                          AS unit,
        i.status,
        CAST(i.share_pct AS DECIMAL(38, 3))          AS actual_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS actual_min,
        CAST(NULL AS DECIMAL(38, 3))                 AS actual_max,
        CAST(NULL AS INTEGER)                        AS baseline_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS baseline_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS trajectory_value,
        i.year                                       AS target_year,
        CAST(i.target_share_pct AS DECIMAL(38, 3))   AS target_value
    FROM marts.input_goal_department_year AS i
    INNER JOIN ref.input_goal AS g USING (goal_id)
),

spend_rows AS (
    SELECT department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur
    FROM marts.spend_by_department_year
    UNION ALL
    SELECT 'RIJK', year, spend_class, sum(spend_min_eur), sum(spend_mid_eur),
           CASE WHEN bool_or(spend_max_eur IS NULL) THEN NULL ELSE sum(spend_max_eur) END
    FROM marts.spend_by_department_year
    GROUP BY ALL
),

spend AS (
    SELECT
        department_code,
        year,
        'spend'                                      AS goal_kind,
        'spend_' || spend_class                      AS goal_id,
        CASE spend_class WHEN 'generic' THEN 'Generieke inkoop' WHEN 'specific' THEN 'Specifieke inkoop'
                         WHEN 'total' THEN 'Totale inkoop' ELSE 'Niet ingedeelde inkoop' END AS goal_name_nl,
        CASE spend_class WHEN 'generic' THEN 'Generic procurement' WHEN 'specific' THEN 'Specific procurement'
                         WHEN 'total' THEN 'Total procurement' ELSE 'Unclassified procurement' END AS goal_name_en,
        'all'                                        AS theme_strategy,
        'all'                                        AS theme_national_plan,
        'spend from staffel midpoints (Appendix 4), with the band bounds as range' AS metric,
        'EUR'                                        AS unit,
        CASE WHEN spend_max_eur IS NULL THEN 'range_unbounded' ELSE 'range' END AS status,
        CAST(spend_mid_eur AS DECIMAL(38, 3))        AS actual_value,
        CAST(spend_min_eur AS DECIMAL(38, 3))        AS actual_min,
        CAST(spend_max_eur AS DECIMAL(38, 3))        AS actual_max,
        CAST(NULL AS INTEGER)                        AS baseline_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS baseline_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS trajectory_value,
        CAST(NULL AS INTEGER)                        AS target_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS target_value
    FROM spend_rows
),

all_rows AS (
    SELECT * FROM effect
    UNION ALL BY NAME
    SELECT * FROM input
    UNION ALL BY NAME
    SELECT * FROM spend
)

SELECT
    -- keys
    department_code,
    year,
    goal_id,
    -- attributes
    goal_kind,
    goal_name_nl,
    goal_name_en,
    theme_strategy,
    theme_national_plan,
    metric,
    unit,
    status,
    -- measures (in the row's unit)
    actual_value,
    actual_min,
    actual_max,
    baseline_year,
    baseline_value,
    trajectory_value,
    target_year,
    target_value
FROM all_rows
ORDER BY department_code, goal_kind, goal_id, year
