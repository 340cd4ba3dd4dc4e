-- unique_key: department_code, year, impact_segment
-- Spend-based footprint per department (and RIJK) x year x impact segment, with a 'total' row per department-year
-- that also gives the share of the footprint coming from the eight high-impact product groups (Figure 3).
-- Every figure names the intensity it was computed with (factor_source).
--
-- column impact_segment (-): impact segment of Figure 1, or 'total' for the department-year as a whole.
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
           co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg, material_max_kg
    FROM core.fct_footprint_category_year
    UNION ALL
    SELECT 'RIJK', year, impact_segment, high_impact_product_group, factor_source, spend_mid_eur,
           co2_min_kg, co2_mid_kg, co2_max_kg, material_min_kg, material_mid_kg, material_max_kg
    FROM core.fct_footprint_category_year
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
        string_agg(DISTINCT factor_source, '; ' ORDER BY factor_source)                           AS factor_source
    FROM categories
    GROUP BY ALL
),

totals AS (
    SELECT
        department_code,
        year,
        'total'                                                                                   AS impact_segment,
        CAST(sum(co2_min_kg) AS DECIMAL(38, 3))                                                   AS co2_min_kg,
        CAST(sum(co2_mid_kg) AS DECIMAL(38, 3))                                                   AS co2_mid_kg,
        CAST(CASE WHEN bool_or(co2_max_kg IS NULL) THEN NULL ELSE sum(co2_max_kg) END AS DECIMAL(38, 3)) AS co2_max_kg,
        CAST(sum(material_min_kg) AS DECIMAL(38, 3))                                              AS material_min_kg,
        CAST(sum(material_mid_kg) AS DECIMAL(38, 3))                                              AS material_mid_kg,
        CAST(CASE WHEN bool_or(material_max_kg IS NULL) THEN NULL ELSE sum(material_max_kg) END AS DECIMAL(38, 3)) AS material_max_kg,
        CAST(sum(spend_mid_eur) AS BIGINT)                                                        AS spend_mid_eur,
        CAST(round(100 * sum(co2_mid_kg) FILTER (WHERE high_impact_product_group IS NOT NULL)
              / nullif(sum(co2_mid_kg), 0), 3) AS DECIMAL(9, 3))                                 AS high_impact_co2_share_pct,
        string_agg(DISTINCT factor_source, '; ' ORDER BY factor_source)                           AS factor_source
    FROM categories
    GROUP BY ALL
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
    factor_source
FROM (SELECT * FROM per_segment UNION ALL BY NAME SELECT * FROM totals)
ORDER BY department_code, year, impact_segment
