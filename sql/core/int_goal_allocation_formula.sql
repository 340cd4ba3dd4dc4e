-- unique_key: goal_id, year, department_code
-- The footprint method's split of a government-wide goal over departments (evaluation 8.2.6), per year of spend: the
-- goal's baseline and target are split in proportion to the department's footprint or spend in the impact segments
-- the goal concerns (config/targets.yaml, key allocation), within the strategy's scope only (segments with
-- in_strategy_scope false, Defence's specific procurement, are left out of the basis). Parts are rounded by the
-- largest-remainder method to the goal's decimals, so they add up exactly to the (rounded) government-wide figure.
-- This is a proposal method, recomputed every year: core.int_goal_allocation puts the register's parts
-- (config/allocations.yaml) in its place where the register covers the goal and year, and
-- `propose-allocation` writes one year's result into the register for the ministries to decide on.
--
-- column allocation_basis (-): what the split is proportional to: co2_footprint, material_footprint or spend.
-- column basis_value (basis unit): the department's footprint (kg) or spend (EUR) in the goal's segments.
-- column share_pct (%): the department's share of the government-wide basis.
-- column allocated_baseline_value (goal unit): the department's part of the baseline; NULL when the goal has none.
-- column allocated_target_value (goal unit): the department's part of the target; NULL when the target cannot be resolved.
WITH goals AS (
    SELECT
        goal_id,
        allocation_basis,
        list_filter(allocation_segments, lambda s: s <> '')                      AS segments,
        coalesce(allocation_decimals, 3)                                        AS decimals,
        baseline_value,
        coalesce(target_value, baseline_value * (1 + target_change_pct / 100))  AS target_value
    FROM ref.goal
    WHERE allocation_basis IS NOT NULL
),

basis AS (
    SELECT
        f.department_code,
        f.year,
        g.goal_id,
        g.allocation_basis,
        g.decimals,
        g.baseline_value,
        g.target_value,
        sum(CASE g.allocation_basis
                WHEN 'co2_footprint' THEN f.co2_mid_kg
                WHEN 'material_footprint' THEN f.material_mid_kg
                ELSE f.spend_mid_eur
            END) AS basis_value
    FROM core.int_footprint_category_year AS f
    CROSS JOIN goals AS g
    WHERE (len(g.segments) = 0 OR list_contains(g.segments, f.impact_segment)) AND f.in_strategy_scope
    GROUP BY ALL
),

shares AS (
    SELECT
        *,
        basis_value / nullif(sum(basis_value) OVER (PARTITION BY goal_id, year), 0) AS share
    FROM basis
),

exact AS (
    SELECT
        *,
        power(10, decimals)                                   AS scale,
        share * target_value * power(10, decimals)           AS target_units_exact,
        share * baseline_value * power(10, decimals)         AS baseline_units_exact
    FROM shares
),

ranked AS (
    SELECT
        *,
        -- units left after rounding every part down, handed out to the largest remainders
        round(target_value * scale) - sum(floor(target_units_exact)) OVER (PARTITION BY goal_id, year)          AS target_leftover,
        row_number() OVER (PARTITION BY goal_id, year
                           ORDER BY target_units_exact - floor(target_units_exact) DESC, department_code)        AS target_rank,
        round(baseline_value * scale) - sum(floor(baseline_units_exact)) OVER (PARTITION BY goal_id, year)      AS baseline_leftover,
        row_number() OVER (PARTITION BY goal_id, year
                           ORDER BY baseline_units_exact - floor(baseline_units_exact) DESC, department_code)    AS baseline_rank
    FROM exact
)

SELECT
    -- keys
    department_code,
    year,
    goal_id,
    -- attributes
    allocation_basis,
    -- measures
    CAST(basis_value AS DECIMAL(38, 3))                                                     AS basis_value,
    CAST(round(100 * share, 6) AS DECIMAL(12, 6))                                           AS share_pct,
    CAST((floor(baseline_units_exact) + CASE WHEN baseline_rank <= baseline_leftover THEN 1 ELSE 0 END) / scale
         AS DECIMAL(38, 6))                                                                 AS allocated_baseline_value,
    CAST((floor(target_units_exact) + CASE WHEN target_rank <= target_leftover THEN 1 ELSE 0 END) / scale
         AS DECIMAL(38, 6))                                                                 AS allocated_target_value
FROM ranked
ORDER BY goal_id, year, department_code
