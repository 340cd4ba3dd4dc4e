-- unique_key: goal_id, year, department_code
-- The published rijk/leaders_laggards.* file (the columns in file order): marts.leaders_laggards, which departments
-- lead and which lag per goal and year.
--
-- column rank (-): Place among the departments ranked for the goal, year and target_kind, 1 for the largest gap (furthest ahead), ties in gap broken by department code; the same as lead_rank.
-- column position (-): leader when gap is 0 or more (on or ahead of the trajectory or target), laggard when it is negative.
-- column gap (goal unit): Distance to the benchmark in the row's unit, positive meaning ahead (marts.leaders_laggards).
-- column target_kind (-): What the department is judged against, and within which it is ranked: department_target, allocated_part or input_share_target (marts.leaders_laggards).
-- column lead_rank (-): Place by largest lead (grootste voorsprong) among the departments of the same goal, year and target_kind.
-- column shortfall_rank (-): Place by largest shortfall (grootste achterstand) among the departments of the same goal, year and target_kind.
SELECT
    goal_id,
    year,
    department_code,
    goal_name_nl,
    goal_name_en,
    unit,
    rank,
    position,
    gap,
    target_kind,
    lead_rank,
    shortfall_rank
FROM marts.leaders_laggards
