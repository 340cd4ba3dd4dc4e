-- unique_key: goal_id, year, department_code
-- Which departments lead and which lag, per goal and year (the evaluation asks who leads and who lags, 8.2.5):
-- effect goals judged per department rank by their gap to the trajectory, input goals by their share minus the
-- target. A positive gap is ahead. Departments without data for a goal are not ranked, nor are those whose status
-- gives no verdict (insufficient coverage or data, not applicable). Only departments judged against the same kind of
-- target are compared (target_kind): a department's adopted part of a split government-wide goal is not ranked
-- against another department's own target.
--
-- column target_kind (-): What the department is judged against, and within which it is ranked: department_target (the goal's trajectory for the department itself), allocated_part (its adopted part of a government-wide goal split over the departments, config/allocations.yaml) or input_share_target (an input goal's target share).
-- column rank (-): Place among the departments ranked for the goal, year and target_kind, 1 for the largest lead (furthest ahead), ties in gap broken by department code; the same as lead_rank, kept for existing readers.
-- column lead_rank (-): Place by largest lead (grootste voorsprong) among the departments of the same goal, year and target_kind: 1 is furthest ahead of its trajectory or target.
-- column shortfall_rank (-): Place by largest shortfall (grootste achterstand) among the departments of the same goal, year and target_kind: 1 is furthest behind its trajectory or target.
-- column ranked_departments (count): Number of departments ranked for the goal, year and target_kind.
-- column position (-): leader when gap is 0 or more (on or ahead of the trajectory or target), laggard when it is negative.
-- column gap (goal unit): Distance to the benchmark in the row's unit, positive meaning ahead: for an effect goal its gap_to_trajectory with the sign flipped for a decrease goal, for an input goal share_pct minus target_share_pct in percentage points, rounded to 3 decimals.
WITH effect_gaps AS (
    SELECT goal_id, goal_name_nl, goal_name_en, year, department_code, unit,
           CASE WHEN allocation_share_pct IS NOT NULL THEN 'allocated_part' ELSE 'department_target' END AS target_kind,
           CASE direction WHEN 'decrease' THEN -gap_to_trajectory ELSE gap_to_trajectory END AS gap
    FROM marts.effect_goal_department_year
    WHERE department_code <> 'RIJK' AND gap_to_trajectory IS NOT NULL
      AND status IN ('on_track', 'off_track', 'achieved', 'period_ended_met', 'period_ended_missed')
),

input_gaps AS (
    SELECT 'input_' || goal_id AS goal_id, goal_name_nl, goal_name_en, year, department_code, '%' AS unit,
           'input_share_target' AS target_kind,
           CAST(share_pct - target_share_pct AS DECIMAL(38, 3)) AS gap
    FROM marts.input_goal_department_year
    WHERE department_code <> 'RIJK' AND share_pct IS NOT NULL AND target_share_pct IS NOT NULL
),

gaps AS (
    SELECT * FROM effect_gaps
    UNION ALL BY NAME
    SELECT * FROM input_gaps
)

SELECT
    -- keys
    goal_id,
    year,
    department_code,
    -- attributes
    goal_name_nl,
    goal_name_en,
    unit,
    target_kind,
    CAST(rank() OVER (PARTITION BY goal_id, year, target_kind ORDER BY gap DESC, department_code) AS INTEGER) AS rank,
    CAST(rank() OVER (PARTITION BY goal_id, year, target_kind ORDER BY gap DESC, department_code) AS INTEGER) AS lead_rank,
    CAST(rank() OVER (PARTITION BY goal_id, year, target_kind ORDER BY gap ASC, department_code DESC) AS INTEGER) AS shortfall_rank,
    CAST(count(*) OVER (PARTITION BY goal_id, year, target_kind) AS INTEGER) AS ranked_departments,
    CASE WHEN gap >= 0 THEN 'leader' ELSE 'laggard' END AS position,
    -- measures
    CAST(round(gap, 3) AS DECIMAL(38, 3))  AS gap
FROM gaps
ORDER BY goal_id, year, target_kind, rank
