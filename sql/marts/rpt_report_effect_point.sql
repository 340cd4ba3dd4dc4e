-- unique_key: page_code, goal_id, year
-- The effect goals of each report page, one row per goal and year (marts.effect_goal_department_year). A department's
-- trend runs across reorganisations: each year's figures are those of the code the page's code stands for in that
-- year (ref.department_year: the LVVN page shows LNV's years before 2024), and figures_department_code says so. The
-- RIJK page shows the RIJK rows.
--
-- column page_code (-): The report page (a department code of config/reference/departments.csv, or RIJK) the row is shown on.
-- column figures_department_code (-): The code the year's figures are published under when it is not page_code (a year before or after a reorganisation); NULL otherwise.
-- column status_reason_nl (-): The status as a Dutch sentence with the figures behind it (effect_goal_department_year).
-- column status_reason_en (-): The same sentence in English.
-- column is_target_year_assumed (-): True when the strategy gives no year for the goal and the catalogue assumes target_year.
-- column allocation_share_pct (%): the department's share of a split government-wide goal; NULL otherwise.
-- column allocation_status (-): for a department's part of a split goal: adopted, proposal or computed; NULL otherwise.
-- column allocation_basis_text (-): how the department's part was arrived at, in words; NULL when the goal is not split.
-- column allocation_adopted_on (-): date the department's part was adopted; NULL unless adopted.
-- column allocation_adopted_by (-): who adopted it (e.g. ICBR); NULL unless adopted.
WITH department_pages AS (
    SELECT dy.named_code AS page_code, p.*
    FROM marts.effect_goal_department_year AS p
    INNER JOIN ref.department_year AS dy ON dy.year = p.year AND dy.department_code = p.department_code
),

rijk_page AS (
    SELECT 'RIJK' AS page_code, p.*
    FROM marts.effect_goal_department_year AS p
    WHERE p.department_code = 'RIJK'
),

page_rows AS (
    SELECT * FROM department_pages
    UNION ALL
    SELECT * FROM rijk_page
)

SELECT
    page_code,
    goal_id,
    year,
    department_code,
    CASE WHEN department_code <> page_code THEN department_code END AS figures_department_code,
    goal_name_nl,
    goal_name_en,
    theme_strategy,
    theme_national_plan,
    unit,
    direction,
    baseline_year,
    baseline_value,
    target_year,
    target_value,
    is_target_year_assumed,
    actual_value,
    trajectory_value,
    status,
    status_reason_nl,
    status_reason_en,
    allocation_share_pct,
    allocation_status,
    allocation_basis_text,
    allocation_adopted_on,
    allocation_adopted_by
FROM page_rows
