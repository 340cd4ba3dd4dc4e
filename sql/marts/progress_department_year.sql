-- Progress on every goal of config/targets.yaml per department x year, and for the whole government as
-- department_code 'RIJK': the actual value from supplier results, the baseline, the target, the straight-line
-- trajectory value from baseline to target for that year, the gaps, and a status:
--   achieved      the actual meets the final target
--   on_track      it meets the trajectory value for its year
--   off_track     it does not
--   no_data       no supplier result for the goal's metric in that department-year
--   no_baseline   the goal has no baseline (so no trajectory, or no target for a relative goal)
--   not_allocated a government-wide total (applies_to_departments = false) on a department row that is not split
--                 over departments (no allocation in config/targets.yaml, or no spend for that year); where it is
--                 split, the department is judged against its own part (core.fct_goal_allocation)
-- Shares are recomputed from summed numerators and denominators; quantities are summed; RIJK likewise.
--
-- column allocation_share_pct (%): the department's share of a split government-wide goal; NULL otherwise.
-- column status (-): Goal status as listed above, decided in this order: no_data or not_allocated on a department row of a goal only judged government-wide, no_baseline when the target cannot be resolved, no_data, achieved, no_baseline when there is no trajectory, then on_track or off_track.
-- column gap_to_trajectory (goal unit): actual_value minus trajectory_value, so positive means above the trajectory (ahead for an increase goal, behind for a decrease goal); NULL when either is NULL.
-- column gap_to_target (goal unit): actual_value minus target_value, positive meaning above the target; NULL when either is NULL.
-- column numerator_value (metric base unit): Sum of the current supplier results for the goal's numerator metric in the department-year (all departments for RIJK), in that metric's base unit; NULL when none were reported.
-- column denominator_value (metric base unit): Sum of the current supplier results for the goal's denominator metric (weighted_share goals only), in that metric's base unit; NULL for other goals or when none were reported.
-- column result_count (count): Number of current supplier results for the goal's numerator metric behind actual_value; 0 when none.
-- column source (-): Where the goal and its target come from, as config/targets.yaml gives it, such as Table 2, climate (DOMAIN.md).
WITH goals AS (
    SELECT
        goal_id, goal_name_nl, goal_name_en, theme_strategy, theme_national_plan, metric, unit, direction,
        aggregation, numerator_metric, denominator_metric, baseline_year, baseline_value, target_year,
        coalesce(target_value, baseline_value * (1 + target_change_pct / 100)) AS target_value_resolved,
        target_change_pct, applies_to_departments, source
    FROM ref.goal
),

metric_values AS (
    SELECT
        department_code,
        year,
        metric,
        sum(value_base)   AS value_sum,
        avg(value_base)   AS value_mean,
        count(*)          AS value_count
    FROM core.fct_supplier_result
    GROUP BY ALL
),

department_years AS (
    SELECT department_code, year FROM marts.source_coverage
),

department_values AS (
    SELECT
        dy.department_code,
        dy.year,
        g.goal_id,
        n.value_sum      AS numerator_sum,
        n.value_mean     AS numerator_mean,
        n.value_count    AS numerator_count,
        d.value_sum      AS denominator_sum
    FROM department_years AS dy
    CROSS JOIN goals AS g
    LEFT JOIN metric_values AS n
        ON n.department_code = dy.department_code AND n.year = dy.year AND n.metric = g.numerator_metric
    LEFT JOIN metric_values AS d
        ON d.department_code = dy.department_code AND d.year = dy.year AND d.metric = g.denominator_metric
),

rijk_values AS (
    SELECT
        'RIJK'                                                             AS department_code,
        year,
        goal_id,
        sum(numerator_sum)                                                 AS numerator_sum,
        sum(numerator_mean * numerator_count) / nullif(sum(numerator_count), 0) AS numerator_mean,
        CAST(sum(numerator_count) AS BIGINT)                               AS numerator_count,
        sum(denominator_sum)                                               AS denominator_sum
    FROM department_values
    GROUP BY ALL
),

all_values AS (
    SELECT * FROM department_values
    UNION ALL BY NAME
    SELECT * FROM rijk_values
),

allocations AS (
    SELECT department_code, year, goal_id, allocated_baseline_value, allocated_target_value, share_pct
    FROM core.fct_goal_allocation
),

actuals AS (
    SELECT
        v.department_code,
        v.year,
        g.* EXCLUDE (baseline_value, target_value_resolved),
        -- a department's part of a government-wide goal, where the goal is split (core.fct_goal_allocation)
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments
             THEN a.allocated_baseline_value ELSE g.baseline_value END           AS baseline_value,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments
             THEN a.allocated_target_value ELSE g.target_value_resolved END      AS target_value_resolved,
        g.target_value_resolved IS NULL                                          AS is_goal_without_target,
        a.share_pct                                                              AS allocation_share_pct,
        v.numerator_sum,
        v.denominator_sum,
        v.numerator_count,
        CASE g.aggregation
            WHEN 'sum' THEN v.numerator_sum
            WHEN 'mean' THEN v.numerator_mean
            WHEN 'weighted_share' THEN CASE WHEN v.denominator_sum > 0 THEN 100 * v.numerator_sum / v.denominator_sum END
            WHEN 'cumulative_sum' THEN CASE WHEN v.numerator_sum IS NOT NULL THEN
                sum(CASE WHEN v.year > g.baseline_year THEN v.numerator_sum END)
                    OVER (PARTITION BY v.department_code, g.goal_id ORDER BY v.year ROWS UNBOUNDED PRECEDING)
            END
        END AS actual_value,
        v.department_code <> 'RIJK' AND NOT g.applies_to_departments AND a.allocated_target_value IS NULL
            AND g.target_value_resolved IS NOT NULL                               AS is_government_wide_only
    FROM all_values AS v
    INNER JOIN goals AS g USING (goal_id)
    LEFT JOIN allocations AS a USING (department_code, year, goal_id)
),

judged AS (
    SELECT
        *,
        CASE
            WHEN is_government_wide_only OR baseline_year IS NULL OR target_value_resolved IS NULL THEN NULL
            WHEN year <= baseline_year THEN baseline_value
            WHEN year >= target_year THEN target_value_resolved
            ELSE baseline_value + (target_value_resolved - baseline_value) * (year - baseline_year) / (target_year - baseline_year)
        END AS trajectory_value,
        CASE WHEN is_government_wide_only THEN NULL ELSE target_value_resolved END AS target_value_shown
    FROM actuals
)

SELECT
    -- keys
    department_code,
    year,
    goal_id,
    -- attributes
    goal_name_nl,
    goal_name_en,
    theme_strategy,
    theme_national_plan,
    metric,
    unit,
    direction,
    aggregation,
    CASE
        WHEN is_government_wide_only THEN CASE WHEN actual_value IS NULL THEN 'no_data' ELSE 'not_allocated' END
        WHEN is_goal_without_target OR target_value_resolved IS NULL THEN 'no_baseline'
        WHEN actual_value IS NULL THEN 'no_data'
        WHEN (direction = 'increase' AND actual_value >= target_value_resolved)
          OR (direction = 'decrease' AND actual_value <= target_value_resolved) THEN 'achieved'
        WHEN baseline_year IS NULL THEN 'no_baseline'
        WHEN (direction = 'increase' AND actual_value >= trajectory_value)
          OR (direction = 'decrease' AND actual_value <= trajectory_value) THEN 'on_track'
        ELSE 'off_track'
    END                                                                  AS status,
    -- measures (in the goal's unit)
    CAST(round(actual_value, 3) AS DECIMAL(38, 3))                       AS actual_value,
    CASE WHEN NOT is_government_wide_only THEN baseline_year END         AS baseline_year,
    CASE WHEN NOT is_government_wide_only THEN CAST(baseline_value AS DECIMAL(38, 3)) END AS baseline_value,
    target_year,
    CAST(round(target_value_shown, 3) AS DECIMAL(38, 3))                 AS target_value,
    CAST(round(trajectory_value, 3) AS DECIMAL(38, 3))                   AS trajectory_value,
    CAST(round(actual_value - trajectory_value, 3) AS DECIMAL(38, 3))    AS gap_to_trajectory,
    CAST(round(actual_value - target_value_shown, 3) AS DECIMAL(38, 3))  AS gap_to_target,
    CAST(round(numerator_sum, 3) AS DECIMAL(38, 3))                      AS numerator_value,
    CAST(round(denominator_sum, 3) AS DECIMAL(38, 3))                    AS denominator_value,
    coalesce(numerator_count, 0)                                         AS result_count,
    CAST(allocation_share_pct AS DECIMAL(12, 6))                         AS allocation_share_pct,
    source
FROM judged
ORDER BY department_code, year, goal_id
