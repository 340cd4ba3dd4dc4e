-- unique_key: page_code, goal_id
-- One row per report page and effect goal (marts.rpt_report_effect_point over the years): the goal's names and
-- themes, the baseline and target of the latest year that has either (the same every year for most goals, but a
-- department's part of a split government-wide goal follows each year's allocation and is missing in a year without
-- spend to split by; the first year when no year has them), the latest year's status, whether the page shows the
-- department's own part of a split goal, and that part's allocation in the latest year that has one.
--
-- column page_code (-): The report page (a department code, or RIJK) the goal is shown on.
-- column latest_status (-): The status of the goal's latest year on the page (effect_goal_department_year.status).
-- column is_allocated (-): True when on a department page the goal is a government-wide goal split over departments (in any year), so baseline, target and trajectory are the department's part; always false on the RIJK page.
-- column is_target_year_assumed (-): The latest year's is_target_year_assumed: true when the strategy gives no year for the goal.
-- column allocation_year (year): The latest year with an allocation of the goal to the department; NULL without one and on the RIJK page.
-- column allocation_share_pct (%): The department's share in allocation_year; NULL without one.
-- column allocation_status (-): adopted, proposal or computed, in allocation_year; NULL without one.
-- column allocation_basis_text (-): how the department's part was arrived at, in words; NULL without one.
-- column allocation_adopted_on (-): date the department's part was adopted; NULL unless adopted.
-- column allocation_adopted_by (-): who adopted it (e.g. ICBR); NULL unless adopted.
WITH ranked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY page_code, goal_id ORDER BY year) AS from_first,
        row_number() OVER (PARTITION BY page_code, goal_id ORDER BY year DESC) AS from_last,
        row_number() OVER (PARTITION BY page_code, goal_id
                           ORDER BY (baseline_value IS NOT NULL OR target_value IS NOT NULL) DESC,
                                    CASE WHEN baseline_value IS NOT NULL OR target_value IS NOT NULL THEN year END DESC NULLS LAST,
                                    year) AS from_reference,
        row_number() OVER (PARTITION BY page_code, goal_id
                           ORDER BY (allocation_status IS NOT NULL) DESC, year DESC) AS from_allocation,
        bool_or(allocation_share_pct IS NOT NULL) OVER (PARTITION BY page_code, goal_id) AS any_allocation_share
    FROM marts.rpt_report_effect_point
),

first_year AS (
    SELECT page_code, goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, unit, direction
    FROM ranked WHERE from_first = 1
),

latest_year AS (
    SELECT page_code, goal_id, status AS latest_status, is_target_year_assumed
    FROM ranked WHERE from_last = 1
),

reference_year AS (
    SELECT page_code, goal_id, baseline_year, baseline_value, target_year, target_value,
           page_code <> 'RIJK' AND any_allocation_share AS is_allocated
    FROM ranked WHERE from_reference = 1
),

allocation_year AS (
    SELECT page_code, goal_id, year AS allocation_year, allocation_share_pct, allocation_status, allocation_basis_text,
           allocation_adopted_on, allocation_adopted_by
    FROM ranked
    WHERE from_allocation = 1 AND allocation_status IS NOT NULL AND page_code <> 'RIJK'
)

SELECT
    f.page_code,
    f.goal_id,
    f.goal_name_nl,
    f.goal_name_en,
    f.theme_strategy,
    f.theme_national_plan,
    f.unit,
    f.direction,
    r.baseline_year,
    r.baseline_value,
    r.target_year,
    r.target_value,
    l.latest_status,
    r.is_allocated,
    l.is_target_year_assumed,
    a.allocation_year,
    a.allocation_share_pct,
    a.allocation_status,
    a.allocation_basis_text,
    a.allocation_adopted_on,
    a.allocation_adopted_by
FROM first_year AS f
INNER JOIN latest_year AS l USING (page_code, goal_id)
INNER JOIN reference_year AS r USING (page_code, goal_id)
LEFT JOIN allocation_year AS a USING (page_code, goal_id)
