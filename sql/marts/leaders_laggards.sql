-- unique_key: goal_id, year, department_code
-- Which departments lead and which lag, per goal and year (the evaluation asks who leads and who lags, 8.2.5):
-- effect goals judged per department rank by their gap to the trajectory, input goals by their share minus the
-- target. A positive gap is ahead. Departments without data for a goal are not ranked, nor are those whose status
-- gives no verdict (insufficient coverage or data, not applicable).
--
-- column rank (-): Place among the departments ranked for the goal and year, 1 for the largest gap (furthest ahead), ties in gap broken by department code.
-- column position (-): leader when gap is 0 or more (on or ahead of the trajectory or target), laggard when it is negative.
-- column gap (goal unit): Distance to the benchmark in the row's unit, positive meaning ahead: for an effect goal its gap_to_trajectory with the sign flipped for a decrease goal, for an input goal share_pct minus target_share_pct in percentage points, rounded to 3 decimals.
WITH effect_gaps AS (
    SELECT goal_id, goal_name_nl, goal_name_en, year, department_code, unit,
           CASE direction WHEN 'decrease' THEN -gap_to_trajectory ELSE gap_to_trajectory END AS gap
    FROM marts.effect_goal_department_year
    WHERE department_code <> 'RIJK' AND gap_to_trajectory IS NOT NULL
      AND status IN ('on_track', 'off_track', 'achieved', 'period_ended_met', 'period_ended_missed')
),

input_gaps AS (
    SELECT 'input_' || goal_id AS goal_id, goal_name_nl, goal_name_en, year, department_code, '%' AS unit,
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
    CAST(rank() OVER (PARTITION BY goal_id, year ORDER BY gap DESC, department_code) AS INTEGER) AS rank,
    CASE WHEN gap >= 0 THEN 'leader' ELSE 'laggard' END AS position,
    -- measures
    CAST(round(gap, 3) AS DECIMAL(38, 3))  AS gap
FROM gaps
ORDER BY goal_id, year, rank
