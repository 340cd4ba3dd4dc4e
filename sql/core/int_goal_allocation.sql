-- unique_key: goal_id, year, department_code
-- Each department's part of a government-wide goal per year, as judged: where the allocation register
-- (config/allocations.yaml, ref.goal_allocation_part) covers the goal and year, its parts, fixed for the register
-- entry's period whatever spend does; elsewhere the footprint method's parts of that year
-- (core.int_goal_allocation_formula). Only adopted parts are a basis for judging a department (evaluation 8.2.6: the
-- ministries decide the split together); proposals and the computed method are indicative.
--
-- column allocation_basis (-): co2_footprint, material_footprint or spend for computed rows; register for rows from the register.
-- column allocation_status (-): adopted (register, adopted), proposal (register, not adopted) or computed (footprint method of the row's year, not in the register).
-- column allocation_basis_text (-): how the parts were arrived at, in words (the register's basis, or the method and year).
-- column adopted_on (-): date the allocation was adopted; NULL unless adopted.
-- column adopted_by (-): who adopted it (e.g. ICBR); NULL unless adopted.
-- column period_from (-): first year of the register entry; NULL for computed rows.
-- column period_to (-): last year of the register entry; NULL for computed rows.
-- column register_line (-): line of the department's part in config/allocations.yaml; NULL for computed rows.
-- column basis_value (basis unit): the department's footprint (kg) or spend (EUR) in the goal's segments; NULL for register rows.
-- column share_pct (%): the department's share of the government-wide goal.
-- column allocated_baseline_value (goal unit): the department's part of the baseline; NULL when the goal has none.
-- column allocated_target_value (goal unit): the department's part of the target; NULL when the target cannot be resolved.
WITH goals AS (
    SELECT
        goal_id,
        coalesce(allocation_decimals, 3)                                        AS decimals,
        baseline_value,
        round(coalesce(target_value, baseline_value * (1 + target_change_pct / 100)), coalesce(allocation_decimals, 3)) AS target_value
    FROM ref.goal
),

register AS (
    SELECT
        p.department_code,
        y.year,
        p.goal_id,
        p.status,
        p.basis,
        p.adopted_on,
        p.adopted_by,
        p.period_from,
        p.period_to,
        p.register_line,
        CASE p.part_kind WHEN 'share' THEN p.part_value / 100 ELSE p.part_value / nullif(g.target_value, 0) END AS share,
        CASE p.part_kind WHEN 'absolute' THEN p.part_value ELSE g.target_value * p.part_value / 100 END           AS target_part,
        g.baseline_value
    FROM ref.goal_allocation_part AS p
    INNER JOIN goals AS g USING (goal_id)
    CROSS JOIN LATERAL (SELECT unnest(range(p.period_from, p.period_to + 1)) AS year) AS y
),

register_rows AS (
    SELECT
        department_code,
        year,
        goal_id,
        'register'                                                              AS allocation_basis,
        status                                                                  AS allocation_status,
        basis                                                                   AS allocation_basis_text,
        adopted_on,
        adopted_by,
        period_from,
        period_to,
        register_line,
        CAST(NULL AS DECIMAL(38, 3))                                            AS basis_value,
        CAST(round(100 * share, 6) AS DECIMAL(12, 6))                           AS share_pct,
        CAST(baseline_value * share AS DECIMAL(38, 6))                          AS allocated_baseline_value,
        CAST(target_part AS DECIMAL(38, 6))                                     AS allocated_target_value
    FROM register
),

computed_rows AS (
    SELECT
        f.department_code,
        f.year,
        f.goal_id,
        f.allocation_basis,
        'computed'                                                              AS allocation_status,
        'berekend uit ' || f.allocation_basis || ' ' || f.year
            || ' binnen de strategie (grootste-restmethode); niet vastgesteld' AS allocation_basis_text,
        CAST(NULL AS DATE)                                                      AS adopted_on,
        CAST(NULL AS VARCHAR)                                                   AS adopted_by,
        CAST(NULL AS INTEGER)                                                   AS period_from,
        CAST(NULL AS INTEGER)                                                   AS period_to,
        CAST(NULL AS INTEGER)                                                   AS register_line,
        f.basis_value,
        f.share_pct,
        f.allocated_baseline_value,
        f.allocated_target_value
    FROM core.int_goal_allocation_formula AS f
    WHERE NOT EXISTS (SELECT 1 FROM register AS r WHERE r.goal_id = f.goal_id AND r.year = f.year)
)

SELECT
    -- keys
    department_code,
    year,
    goal_id,
    -- attributes
    allocation_basis,
    allocation_status,
    allocation_basis_text,
    adopted_on,
    adopted_by,
    period_from,
    period_to,
    register_line,
    -- measures
    basis_value,
    share_pct,
    allocated_baseline_value,
    allocated_target_value
FROM (SELECT * FROM register_rows UNION ALL BY NAME SELECT * FROM computed_rows)
ORDER BY goal_id, year, department_code
