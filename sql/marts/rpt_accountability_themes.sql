-- unique_key: year, scope_code, theme_strategy
-- sort_by: year, scope_code, theme_strategy
-- The theme rows of the yearly accountability export: every theme of Inkopen met Impact exactly once per scope
-- (each ministry and RIJK) and year, also the themes without any goal (leefomgeving and welzijn & gezondheid have
-- no main or sub goal, evaluation 2024 sections 4.3 and 5.3) and those whose goals are all qualitative: both are
-- "geen meetbaar doel". The themes are those of config/reference/theme_crosswalk.csv; the input goals for all
-- themes are one more row, theme_strategy all.
--
-- column scope_code (-): Ministry code, or RIJK for the whole government: the scope the row judges.
-- column theme_name_nl (-): Dutch name of the strategy theme, or Themaoverstijgend (inspanningsdoelen) for theme all.
-- column goal_count (count): Goals of the catalogue in the theme (effect and input goals), measurable or not.
-- column measurable_goal_count (count): Goals of the theme with a numeric goal.
-- column verdict_goal_count (count): Goals of the theme with a verdict for the scope and year (on or off track, achieved, below target, period ended, input goal target met or not).
-- column favourable_goal_count (count): Goals of the theme whose verdict is favourable: on track, achieved, period ended met, input goal target met.
-- column theme_note_nl (-): geen meetbaar doel when the theme has no numeric goal (with why), else how many goals have a verdict.
WITH themes AS (
    SELECT DISTINCT theme_strategy FROM ref.theme_crosswalk
    UNION
    SELECT 'all'
),

scopes AS (
    SELECT DISTINCT scope_code, year FROM marts.rpt_accountability_goals
),

per_theme AS (
    SELECT year, scope_code, theme_strategy,
           count(*)                                                     AS goal_count,
           count(*) FILTER (WHERE is_measurable)                        AS measurable_goal_count,
           count(*) FILTER (WHERE status IN ('on_track', 'off_track', 'achieved', 'below_target', 'period_ended_met',
                                             'period_ended_missed', 'on_target'))  AS verdict_goal_count,
           count(*) FILTER (WHERE status IN ('on_track', 'achieved', 'period_ended_met', 'on_target')) AS favourable_goal_count
    FROM marts.rpt_accountability_goals
    GROUP BY ALL
)

SELECT
    s.year,
    s.scope_code,
    t.theme_strategy,
    CASE t.theme_strategy
        WHEN 'climate' THEN 'Klimaat'
        WHEN 'circular' THEN 'Circulair'
        WHEN 'social_return' THEN 'Social return'
        WHEN 'isv' THEN 'Internationale Sociale Voorwaarden (ISV)'
        WHEN 'innovation' THEN 'Innovatiegericht inkopen'
        WHEN 'living_environment' THEN 'Leefomgeving'
        WHEN 'wellbeing_health' THEN 'Welzijn & gezondheid'
        ELSE 'Themaoverstijgend (inspanningsdoelen)' END                AS theme_name_nl,
    CAST(coalesce(p.goal_count, 0) AS BIGINT)                           AS goal_count,
    CAST(coalesce(p.measurable_goal_count, 0) AS BIGINT)                AS measurable_goal_count,
    CAST(coalesce(p.verdict_goal_count, 0) AS BIGINT)                   AS verdict_goal_count,
    CAST(coalesce(p.favourable_goal_count, 0) AS BIGINT)                AS favourable_goal_count,
    CASE
        WHEN coalesce(p.goal_count, 0) = 0
            THEN 'geen meetbaar doel: de strategie noemt het thema zonder hoofd- of subdoel (evaluatie 2024, par. 4.3 en 5.3)'
        WHEN p.measurable_goal_count = 0
            THEN 'geen meetbaar doel: alleen kwalitatieve doelen (zie de doelen van dit thema voor wat gevolgd wordt)'
        ELSE p.verdict_goal_count || ' van ' || p.measurable_goal_count || ' meetbare doelen met een oordeel, waarvan '
            || p.favourable_goal_count || ' gunstig' END                 AS theme_note_nl
FROM scopes AS s
CROSS JOIN themes AS t
LEFT JOIN per_theme AS p USING (year, scope_code, theme_strategy)
