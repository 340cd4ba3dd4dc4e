-- unique_key: department_code, year, impact_segment
-- Spend-based footprint per department (and RIJK) x year x impact segment, with a 'total' row per department-year
-- for the procurement within the strategy (that also gives the share of the footprint coming from the eight
-- high-impact product groups, Figure 3) and an 'outside_strategy_scope' row for segments outside Inkopen met Impact
-- (Defence's specific procurement, evaluation 4.3 Table 3), reported separately and never in 'total'.
-- Every figure names the intensity it was computed with (factor_source) and whether it is calibrated on Figure 1.
--
-- column impact_segment (-): impact segment of Figure 1; 'total' for the department-year within the strategy; 'outside_strategy_scope' for the segments outside it.
-- column calibration (-): calibrated when every intensity behind the row is calibrated on Figure 1; group_average when any is a fallback (then factor_source says why).
-- column price_year (-): year whose euros the intensities are per; the spend was converted to it with the price index.
-- column co2_min_kg (kg CO2-eq): footprint at the lower spend bounds.
-- column co2_mid_kg (kg CO2-eq): footprint at the midpoint spend.
-- column co2_max_kg (kg CO2-eq): footprint at the upper spend bounds; NULL when any spend maximum is unbounded.
-- column material_min_kg (kg): material use at the lower spend bounds.
-- column material_mid_kg (kg): material use at the midpoint spend.
-- column material_max_kg (kg): material use at the upper spend bounds; NULL when any spend maximum is unbounded.
-- column spend_mid_eur (EUR): midpoint spend the footprint was computed from.
-- column high_impact_co2_share_pct (%): share of the midpoint CO2 footprint from high-impact product groups; total rows only.
-- column factor_source (-): the intensities used, with source, factor group and reference year.
WITH categories AS (
    SELECT department_code, year, impact_segment, high_impact_product_group, factor_source, spend_mid_eur,
           co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg, material_max_kg,
           in_strategy_scope, calibration, price_year
    FROM core.int_footprint_category_year
    UNION ALL
    SELECT 'RIJK', year, impact_segment, high_impact_product_group, factor_source, spend_mid_eur,
           co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg, material_max_kg,
           in_strategy_scope, calibration, price_year
    FROM core.int_footprint_category_year
),

per_segment AS (
    SELECT
        department_code,
        year,
        impact_segment,
        CAST(sum(co2_min_kg) AS DECIMAL(38, 3))                                                   AS co2_min_kg,
        CAST(sum(co2_mid_kg) AS DECIMAL(38, 3))                                                   AS co2_mid_kg,
        CAST(CASE WHEN bool_or(co2_max_kg IS NULL) THEN NULL ELSE sum(co2_max_kg) END AS DECIMAL(38, 3)) AS co2_max_kg,
        CAST(sum(material_min_kg) AS DECIMAL(38, 3))                                              AS material_min_kg,
        CAST(sum(material_mid_kg) AS DECIMAL(38, 3))                                              AS material_mid_kg,
        CAST(CASE WHEN bool_or(material_max_kg IS NULL) THEN NULL ELSE sum(material_max_kg) END AS DECIMAL(38, 3)) AS material_max_kg,
        CAST(sum(spend_mid_eur) AS BIGINT)                                                        AS spend_mid_eur,
        CAST(NULL AS DECIMAL(9, 3))                                                               AS high_impact_co2_share_pct,
        string_agg(DISTINCT factor_source, '; ' ORDER BY factor_source)                           AS factor_source,
        CASE WHEN bool_and(calibration = 'calibrated') THEN 'calibrated' ELSE 'group_average' END AS calibration,
        max(price_year)                                                                           AS price_year
    FROM categories
    GROUP BY department_code, year, impact_segment
),

totals AS (
    SELECT
        department_code,
        year,
        CASE WHEN in_strategy_scope THEN 'total' ELSE 'outside_strategy_scope' END                AS impact_segment,
        CAST(sum(co2_min_kg) AS DECIMAL(38, 3))                                                   AS co2_min_kg,
        CAST(sum(co2_mid_kg) AS DECIMAL(38, 3))                                                   AS co2_mid_kg,
        CAST(CASE WHEN bool_or(co2_max_kg IS NULL) THEN NULL ELSE sum(co2_max_kg) END AS DECIMAL(38, 3)) AS co2_max_kg,
        CAST(sum(material_min_kg) AS DECIMAL(38, 3))                                              AS material_min_kg,
        CAST(sum(material_mid_kg) AS DECIMAL(38, 3))                                              AS material_mid_kg,
        CAST(CASE WHEN bool_or(material_max_kg IS NULL) THEN NULL ELSE sum(material_max_kg) END AS DECIMAL(38, 3)) AS material_max_kg,
        CAST(sum(spend_mid_eur) AS BIGINT)                                                        AS spend_mid_eur,
        CAST(round(100 * sum(co2_mid_kg) FILTER (WHERE high_impact_product_group IS NOT NULL)
              / nullif(sum(co2_mid_kg), 0), 3) AS DECIMAL(9, 3))                                 AS high_impact_co2_share_pct,
        string_agg(DISTINCT factor_source, '; ' ORDER BY factor_source)                           AS factor_source,
        CASE WHEN bool_and(calibration = 'calibrated') THEN 'calibrated' ELSE 'group_average' END AS calibration,
        max(price_year)                                                                           AS price_year
    FROM categories
    GROUP BY department_code, year, in_strategy_scope
)

SELECT
    -- keys
    department_code,
    year,
    impact_segment,
    -- measures
    co2_min_kg,
    co2_mid_kg,
    co2_max_kg,
    material_min_kg,
    material_mid_kg,
    material_max_kg,
    spend_mid_eur,
    high_impact_co2_share_pct,
    -- attributes
    calibration,
    price_year,
    factor_source
FROM (SELECT * FROM per_segment UNION ALL BY NAME SELECT * FROM totals)
ORDER BY department_code, year, impact_segment
