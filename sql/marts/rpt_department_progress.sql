-- unique_key: department_code, goal_kind, goal_id, year
-- The published progress files (departments/<DEPT>/progress.* and rijk/progress.*, one file set per department_code,
-- the columns in file order): one row per department (and RIJK) x goal x year, for the four kinds of figures side by
-- side: effect goals (progress against the 2030 targets; a department's own part where a
-- government-wide goal is split), input goals I-IV (shares of tenders), spend (a range from the staffels, with
-- min / mid / max) and the spend-based CO2 footprint per impact segment (range, with its factor source). Themes are
-- given in both theme sets (config/reference/theme_crosswalk.csv relates them).
--
-- column source (-): where the row's figure comes from: the goal's source, the spend method, or for footprint rows the intensity used.
--
-- column goal_kind (-): Kind of figure on the row: effect (a 2030 goal from effect_goal_department_year), input (an input goal from input_goal_department_year) or spend (a spend class from spend_by_department_year).
-- column status (-): Status in the terms of the row's kind: for effect goals one of the statuses of effect_goal_department_year (docs/goals.md), for input goals on_target, below_target, no_target, not_applicable or no_data, and for spend and footprint range, or range_unbounded when a staffel-13 amount leaves the maximum open.
-- column status_reason_nl (-): The status as a Dutch sentence with the figures behind it: the effect goal's reason from effect_goal_department_year, the tender counts behind an input goal's share, or how a spend or footprint range was bounded.
-- column status_reason_en (-): The same sentence in English.
-- column numerator_count (count): Input goals: tenders in scope that meet the goal (numerator_tenders); effect goals: contracts that reported the goal's metric this year (reporting_contracts); NULL on spend and footprint rows.
-- column denominator_count (count): Input goals: tenders in scope with a known answer (denominator_tenders); effect goals: contracts expected to report, having reported in an earlier year of the goal's period (expected_contracts); NULL on spend and footprint rows.
-- column reporting_supplier_count (count): Effect goals: distinct suppliers behind the contracts that reported the goal's metric this year (effect_goal_department_year.reporting_suppliers); NULL on other rows.
-- column undetermined_count (count): Input goals: tenders whose scope or answer cannot be decided (undetermined_tenders), counted beside the share; NULL on other rows.
-- column coverage_pct (%): Effect goals: share of the expected contracts that reported this year (effect_goal_department_year.coverage_pct); NULL on other rows or when no contract was expected.
-- column actual_min (row's unit): Lower bound of the row's range, in the row's unit column: the sum of the staffel band minimums (EUR) on a spend row, the footprint at the lower spend bounds (kg CO2-eq) on a footprint row; NULL on effect and input rows. The name has no unit because the unit differs per row.
-- column actual_max (row's unit): Upper bound of the row's range, in the row's unit column (EUR on a spend row, kg CO2-eq on a footprint row); NULL when a staffel-13 amount makes it unbounded, and on effect and input rows.
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
        status_reason_nl,
        status_reason_en,
        CAST(reporting_contracts AS BIGINT) AS numerator_count,
        CAST(expected_contracts AS BIGINT)  AS denominator_count,
        CAST(reporting_suppliers AS BIGINT) AS reporting_supplier_count,
        CAST(NULL AS BIGINT)         AS undetermined_count,
        coverage_pct,
        actual_value,
        CAST(NULL AS DECIMAL(38, 3)) AS actual_min,
        CAST(NULL AS DECIMAL(38, 3)) AS actual_max,
        baseline_year,
        baseline_value,
        trajectory_value,
        target_year,
        target_value,
        source
    FROM marts.effect_goal_department_year
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
        CASE i.status
            WHEN 'no_data' THEN 'geen MVI-ZET-aanbesteding voor ' || i.year
            WHEN 'not_applicable' THEN 'geen aanbesteding binnen bereik met een bekend antwoord'
            ELSE i.numerator_tenders || ' van ' || i.denominator_tenders || ' aanbestedingen (' || reason_number_nl(i.share_pct) || '%)'
                || CASE WHEN i.target_share_pct IS NULL THEN '; geen streefwaarde, alleen ter informatie'
                        WHEN i.status = 'below_target' THEN '; streefwaarde ' || reason_number_nl(i.target_share_pct) || '%: '
                            || reason_number_nl(i.target_share_pct - i.share_pct) || ' procentpunt te kort'
                        ELSE '; streefwaarde ' || reason_number_nl(i.target_share_pct) || '% gehaald' END
        END || CASE WHEN i.undetermined_tenders > 0 THEN '; ' || i.undetermined_tenders || ' onbepaald, niet meegeteld' ELSE '' END
                                                     AS status_reason_nl,
        CASE i.status
            WHEN 'no_data' THEN 'no MVI-ZET tender for ' || i.year
            WHEN 'not_applicable' THEN 'no tender in scope with a known answer'
            ELSE i.numerator_tenders || ' of ' || i.denominator_tenders || ' tenders (' || reason_number_en(i.share_pct) || '%)'
                || CASE WHEN i.target_share_pct IS NULL THEN '; no target, context only'
                        WHEN i.status = 'below_target' THEN '; target ' || reason_number_en(i.target_share_pct) || '%: '
                            || reason_number_en(i.target_share_pct - i.share_pct) || ' percentage points short'
                        ELSE '; target ' || reason_number_en(i.target_share_pct) || '% met' END
        END || CASE WHEN i.undetermined_tenders > 0 THEN '; ' || i.undetermined_tenders || ' undetermined, not counted' ELSE '' END
                                                     AS status_reason_en,
        CAST(i.numerator_tenders AS BIGINT)          AS numerator_count,
        CAST(i.denominator_tenders AS BIGINT)        AS denominator_count,
        CAST(i.undetermined_tenders AS BIGINT)       AS undetermined_count,
        CAST(NULL AS DECIMAL(5, 1))                  AS coverage_pct,
        CAST(i.share_pct AS DECIMAL(38, 3))          AS actual_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS actual_min,
        CAST(NULL AS DECIMAL(38, 3))                 AS actual_max,
        CAST(NULL AS INTEGER)                        AS baseline_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS baseline_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS trajectory_value,
        i.year                                       AS target_year,
        CAST(i.target_share_pct AS DECIMAL(38, 3))   AS target_value,
        g.source                                     AS source
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
        'spend_' || s.spend_class                    AS goal_id,
        coalesce(c.procurement_name_nl, u.procurement_name_nl) AS goal_name_nl,
        coalesce(c.procurement_name_en, u.procurement_name_en) AS goal_name_en,
        'all'                                        AS theme_strategy,
        'all'                                        AS theme_national_plan,
        'spend from staffel midpoints (Appendix 4), with the band bounds as range' AS metric,
        'EUR'                                        AS unit,
        CASE WHEN spend_max_eur IS NULL THEN 'range_unbounded' ELSE 'range' END AS status,
        CASE WHEN spend_max_eur IS NULL THEN 'bandbreedte uit de staffels; een bedrag in staffel 13 heeft geen bovengrens'
             ELSE 'bandbreedte uit de staffels (bijlage 4), met de middenwaarde' END AS status_reason_nl,
        CASE WHEN spend_max_eur IS NULL THEN 'range from the staffels; an amount in staffel 13 has no upper bound'
             ELSE 'range from the staffels (Appendix 4), with the midpoint' END AS status_reason_en,
        CAST(NULL AS BIGINT)                         AS numerator_count,
        CAST(NULL AS BIGINT)                         AS denominator_count,
        CAST(NULL AS BIGINT)                         AS undetermined_count,
        CAST(NULL AS DECIMAL(5, 1))                  AS coverage_pct,
        CAST(spend_mid_eur AS DECIMAL(38, 3))        AS actual_value,
        CAST(spend_min_eur AS DECIMAL(38, 3))        AS actual_min,
        CAST(spend_max_eur AS DECIMAL(38, 3))        AS actual_max,
        CAST(NULL AS INTEGER)                        AS baseline_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS baseline_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS trajectory_value,
        CAST(NULL AS INTEGER)                        AS target_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS target_value,
        'Open Inkoopdata Rijk staffels, Appendix 4 method' AS source
    FROM spend_rows AS s
    -- config/reference/spend_classes.csv names the class; a class missing there is named as unclassified
    LEFT JOIN ref.spend_class AS c USING (spend_class)
    LEFT JOIN ref.spend_class AS u ON u.spend_class = 'unclassified'
),

footprint AS (
    SELECT
        department_code,
        year,
        'footprint'                                  AS goal_kind,
        'footprint_co2_' || impact_segment           AS goal_id,
        'CO2-voetafdruk ' || impact_segment          AS goal_name_nl,
        'CO2 footprint ' || impact_segment           AS goal_name_en,
        'climate'                                    AS theme_strategy,
        'climate'                                    AS theme_national_plan,
        'CO2-eq estimated from spend x segment intensity (evaluation 8.2.6)' AS metric,
        'kg CO2-eq'                                  AS unit,
        CASE WHEN co2_max_kg IS NULL THEN 'range_unbounded' ELSE 'range' END AS status,
        CASE WHEN co2_max_kg IS NULL THEN 'geschat uit de inkoopbandbreedte; een bedrag in staffel 13 heeft geen bovengrens'
             ELSE 'geschat uit de inkoopbandbreedte maal de intensiteit van het segment' END AS status_reason_nl,
        CASE WHEN co2_max_kg IS NULL THEN 'estimated from the spend range; an amount in staffel 13 has no upper bound'
             ELSE 'estimated from the spend range times the segment''s intensity' END AS status_reason_en,
        CAST(NULL AS BIGINT)                         AS numerator_count,
        CAST(NULL AS BIGINT)                         AS denominator_count,
        CAST(NULL AS BIGINT)                         AS undetermined_count,
        CAST(NULL AS DECIMAL(5, 1))                  AS coverage_pct,
        co2_mid_kg                                   AS actual_value,
        co2_min_kg                                   AS actual_min,
        co2_max_kg                                   AS actual_max,
        CAST(NULL AS INTEGER)                        AS baseline_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS baseline_value,
        CAST(NULL AS DECIMAL(38, 3))                 AS trajectory_value,
        CAST(NULL AS INTEGER)                        AS target_year,
        CAST(NULL AS DECIMAL(38, 3))                 AS target_value,
        factor_source                                AS source
    FROM marts.footprint_department_year
),

all_rows AS (
    SELECT * FROM effect
    UNION ALL BY NAME
    SELECT * FROM input
    UNION ALL BY NAME
    SELECT * FROM spend
    UNION ALL BY NAME
    SELECT * FROM footprint
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
    status_reason_nl,
    status_reason_en,
    -- counts behind the figure
    numerator_count,
    denominator_count,
    undetermined_count,
    reporting_supplier_count,
    coverage_pct,
    -- measures (in the row's unit)
    actual_value,
    actual_min,
    actual_max,
    baseline_year,
    baseline_value,
    trajectory_value,
    target_year,
    target_value,
    -- lineage of the figure: the goal's source, or the intensity a footprint was computed with
    source
FROM all_rows
ORDER BY department_code, goal_kind, goal_id, year
