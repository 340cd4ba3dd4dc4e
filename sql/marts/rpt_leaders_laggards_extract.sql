-- unique_key: goal_id, year, department_code
-- The published rijk/leaders_laggards.* file (the columns in file order): marts.leaders_laggards, which departments
-- lead and which lag per goal and year.
--
-- column rank (-): Place among the departments ranked for the goal and year, 1 for the largest gap (furthest ahead), ties in gap broken by department code.
-- column position (-): leader when gap is 0 or more (on or ahead of the trajectory or target), laggard when it is negative.
-- column gap (goal unit): Distance to the benchmark in the row's unit, positive meaning ahead (marts.leaders_laggards).
SELECT
    goal_id,
    year,
    department_code,
    goal_name_nl,
    goal_name_en,
    unit,
    rank,
    position,
    gap
FROM marts.leaders_laggards
