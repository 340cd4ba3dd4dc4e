-- unique_key: year, scope_code, goal_id
-- sort_by: year, scope_code, goal_kind, goal_id
-- The goal rows of the yearly accountability export (report --year, verantwoording/ in every publication): every
-- goal of the catalogue (the effect goals of config/targets.yaml and the input goals I-IV of
-- config/reference/input_goals.csv) exactly once per scope (each ministry and RIJK, the whole government) and year,
-- also where there is no figure (status no_data) or no numeric goal (not_measurable, "geen meetbaar doel"). Each row
-- carries the lineage to reproduce it: the goal id, the status rule and the input files (with the first 12
-- characters of their sha256) whose partitions supply the scope's year; the run is added by the export.
--
-- column scope_code (-): Ministry code, or RIJK for the whole government: the scope the row judges.
-- column goal_kind (-): effect (a 2030 effect or result goal of config/targets.yaml) or input (an input goal I-IV of config/reference/input_goals.csv).
-- column theme_name_nl (-): Dutch name of the strategy theme (Inkopen met Impact, evaluation 2024 section 4.3), or Themaoverstijgend for the input goals that apply to every theme.
-- column is_measurable (-): false for a qualitative goal without a numeric goal (status not_measurable, shown as geen meetbaar doel).
-- column status_label_nl (-): The status as the Dutch label of docs/goals.md (op koers, geen meetbaar doel, geen gegevens, ...).
-- column status_rule (-): The rule that decided the status: docs/goals.md for effect goals, the input goal's target share for input goals, with the status code.
-- column actual_min (goal unit): Lower bound of the value where it is a range (marts.rpt_department_progress.actual_min); NULL for effect and input goals, which have one value.
-- column actual_max (goal unit): Upper bound of the value where it is a range (marts.rpt_department_progress.actual_max); NULL for effect and input goals.
-- column coverage_pct (%): Effect goals: share of the expected contracts that reported this year (marts.rpt_department_progress.coverage_pct); NULL otherwise.
-- column status_reason_nl (-): The status as a Dutch sentence with the figures behind it (marts.rpt_department_progress); for a goal without a row there, why: no figure for the scope's year, or what is monitored instead of a qualitative goal.
-- column input_source (-): The source whose files supply the row's figure: result (supplier-reported results) for effect goals, tender (MVI-ZET) for input goals.
-- column input_files (-): The files of input_source that count for the scope's year (raw.input_partition, is_current), each with the first 12 characters of its sha256, separated by '; '; for RIJK those of every ministry; empty when none.
-- column input_file_count (count): Number of files in input_files.
WITH scopes AS (
    SELECT DISTINCT department_code AS scope_code
    FROM marts.rpt_department_progress
),

years AS (
    SELECT DISTINCT year
    FROM marts.rpt_department_progress
    WHERE goal_kind IN ('effect', 'input')
),

catalogue AS (
    SELECT goal_id, 'effect' AS goal_kind, goal_name_nl, goal_name_en, theme_strategy,
           coalesce(measurable, true) AS is_measurable, unit, source, 'result' AS input_source
    FROM ref.goal
    UNION ALL
    SELECT 'input_' || goal_id, 'input', goal_name_nl, goal_name_en, theme_strategy, true, '%', source, 'tender'
    FROM ref.input_goal
),

partition_files AS (
    SELECT DISTINCT source, department_code, year, source_file, source_sha256
    FROM raw.input_partition
    WHERE is_current
),

scope_files AS (
    SELECT source, department_code AS scope_code, year,
           string_agg(source_file || ' (sha256 ' || left(source_sha256, 12) || ')', '; ' ORDER BY source_file) AS input_files,
           count(*) AS input_file_count
    FROM partition_files
    GROUP BY ALL
    UNION ALL
    SELECT source, 'RIJK', year,
           string_agg(source_file || ' (sha256 ' || left(source_sha256, 12) || ')', '; ' ORDER BY source_file),
           count(*)
    FROM (SELECT DISTINCT source, year, source_file, source_sha256 FROM partition_files)
    GROUP BY ALL
)

SELECT
    y.year,
    s.scope_code,
    c.goal_kind,
    c.goal_id,
    c.goal_name_nl,
    c.goal_name_en,
    c.theme_strategy,
    CASE c.theme_strategy
        WHEN 'climate' THEN 'Klimaat'
        WHEN 'circular' THEN 'Circulair'
        WHEN 'social_return' THEN 'Social return'
        WHEN 'isv' THEN 'Internationale Sociale Voorwaarden (ISV)'
        WHEN 'innovation' THEN 'Innovatiegericht inkopen'
        WHEN 'living_environment' THEN 'Leefomgeving'
        WHEN 'wellbeing_health' THEN 'Welzijn & gezondheid'
        ELSE 'Themaoverstijgend (inspanningsdoelen)' END                     AS theme_name_nl,
    c.is_measurable,
    c.unit,
    p.actual_value,
    p.actual_min,
    p.actual_max,
    p.baseline_year,
    p.baseline_value,
    p.trajectory_value,
    coalesce(p.target_year, g.target_year)                                  AS target_year,
    p.target_value,
    p.coverage_pct,
    coalesce(p.status, CASE WHEN c.is_measurable THEN 'no_data' ELSE 'not_measurable' END) AS status,
    CASE coalesce(p.status, CASE WHEN c.is_measurable THEN 'no_data' ELSE 'not_measurable' END)
        WHEN 'not_measurable' THEN 'geen meetbaar doel'
        WHEN 'not_applicable' THEN 'n.v.t.'
        WHEN 'not_allocated' THEN 'niet verdeeld'
        WHEN 'no_data' THEN 'geen gegevens'
        WHEN 'allocation_not_adopted' THEN 'voorstel, niet vastgesteld'
        WHEN 'insufficient_coverage' THEN 'onvoldoende dekking'
        WHEN 'no_baseline' THEN 'geen nulmeting'
        WHEN 'insufficient_data' THEN 'onvoldoende gegevens'
        WHEN 'period_ended_met' THEN 'periode voorbij, gehaald'
        WHEN 'period_ended_missed' THEN 'periode voorbij, niet gehaald'
        WHEN 'achieved' THEN 'doel gehaald'
        WHEN 'on_track' THEN 'op koers'
        WHEN 'off_track' THEN 'niet op koers'
        WHEN 'below_target' THEN 'onder doel'
        WHEN 'on_target' THEN 'streefwaarde gehaald'
        WHEN 'no_target' THEN 'geen streefwaarde'
        ELSE p.status END                                                   AS status_label_nl,
    coalesce(p.status_reason_nl,
             CASE WHEN c.is_measurable THEN 'geen cijfer voor ' || s.scope_code || ' in ' || y.year
                  ELSE 'geen meetbaar doel; gevolgd wordt: ' || coalesce(g.monitored_instead_nl, '-') END) AS status_reason_nl,
    CASE c.goal_kind
        WHEN 'effect' THEN 'docs/goals.md, statussen in volgorde; status '
        ELSE 'aandeel aanbestedingen tegen target_share_pct van config/reference/input_goals.csv; status ' END
        || coalesce(p.status, CASE WHEN c.is_measurable THEN 'no_data' ELSE 'not_measurable' END) AS status_rule,
    c.source,
    c.input_source,
    coalesce(f.input_files, '')                                             AS input_files,
    coalesce(f.input_file_count, 0)                                         AS input_file_count
FROM years AS y
CROSS JOIN scopes AS s
CROSS JOIN catalogue AS c
LEFT JOIN ref.goal AS g ON g.goal_id = c.goal_id
LEFT JOIN marts.rpt_department_progress AS p
    ON p.department_code = s.scope_code AND p.year = y.year AND p.goal_id = c.goal_id AND p.goal_kind = c.goal_kind
LEFT JOIN scope_files AS f
    ON f.source = c.input_source AND f.scope_code = s.scope_code AND f.year = y.year
