-- unique_key: department_code, year, hoofdkostensoort
-- Estimated CO2-eq and material footprint per department x year x cost category: the category's spend range
-- (Appendix 4), brought to the factors' price year with the price index (config/reference/price_indices.csv), times
-- the intensity of its impact segment (core.int_segment_intensity: calibrated on Figure 1, or a group average that
-- says so). The published range combines the staffel range and the factor range: minimum = lower spend bound x
-- intensity x (1 - uncertainty_low_pct/100), maximum = upper spend bound x intensity x (1 + uncertainty_high_pct/100).
-- An unbounded spend maximum leaves the footprint maximum unbounded (NULL). Not incremental: a change in the reference
-- year's spend changes the intensities of every year.
--
-- column co2_kg_per_eur (kg CO2-eq/EUR, price year): emission intensity applied to this category's segment.
-- column material_kg_per_eur (kg/EUR, price year): material intensity applied to this category's segment.
-- column price_year (-): year whose euros the intensities are per; the spend is converted to it.
-- column price_index_ratio (-): index of the price year / index of the spend year; NULL when the spend year has no index (the footprint is then NULL too, never a guess).
-- column calibration (-): calibrated (Figure 1 kt / reference-year spend) or group_average (reference year not loaded, or no Figure 1 segment).
-- column in_strategy_scope (-): false for segments outside Inkopen met Impact (Defence specific procurement), which goals and their allocation leave out.
-- column uncertainty_low_pct (%): how much lower the segment's intensity may be (impact_factors.csv); applied to the minimum.
-- column uncertainty_high_pct (%): how much higher the segment's intensity may be; applied to the maximum.
-- column co2_min_kg (kg CO2-eq): footprint at the lower spend bound and the low end of the factor range.
-- column co2_mid_kg (kg CO2-eq): footprint at the report's midpoint spend and the central intensity.
-- column co2_max_kg (kg CO2-eq): footprint at the upper spend bound and the high end of the factor range; NULL when the spend maximum is unbounded.
-- column material_min_kg (kg): material use at the lower spend bound and the low end of the factor range.
-- column material_mid_kg (kg): material use at the midpoint spend.
-- column material_max_kg (kg): material use at the upper spend bound and the high end of the factor range; NULL when unbounded.
-- column factor_source (-): where the intensity comes from, whether it is calibrated, and its price year.
WITH categories AS (
    SELECT
        department_code,
        year,
        hoofdkostensoort,
        spend_class,
        impact_segment,
        spend_min_eur,
        spend_mid_eur,
        spend_max_eur
    FROM core.int_spend_category_year
),

priced AS (
    SELECT
        c.*,
        i.co2_kg_per_eur,
        i.material_kg_per_eur,
        i.price_year,
        i.calibration,
        i.calibration_note,
        i.in_strategy_scope,
        i.source,
        i.factor_group,
        i.uncertainty_low_pct,
        i.uncertainty_high_pct,
        CAST(pf.index_value AS DOUBLE) / CAST(py.index_value AS DOUBLE) AS price_index_ratio,
        py.index_value IS NULL                                          AS index_missing
    FROM categories AS c
    LEFT JOIN core.int_segment_intensity AS i ON i.impact_segment = c.impact_segment
    LEFT JOIN ref.price_index AS py ON py.year = c.year
    LEFT JOIN ref.price_index AS pf ON pf.year = i.price_year
)

SELECT
    -- keys
    p.department_code,
    p.year,
    p.hoofdkostensoort,
    -- attributes
    p.spend_class,
    p.impact_segment,
    cc.high_impact_product_group,
    coalesce(p.in_strategy_scope, true)                                                                 AS in_strategy_scope,
    p.calibration,
    p.price_year,
    CAST(p.price_index_ratio AS DECIMAL(12, 6))                                                         AS price_index_ratio,
    CAST(p.co2_kg_per_eur AS DECIMAL(18, 9))                                                            AS co2_kg_per_eur,
    CAST(p.material_kg_per_eur AS DECIMAL(18, 9))                                                       AS material_kg_per_eur,
    p.uncertainty_low_pct,
    p.uncertainty_high_pct,
    p.source || ' (' || p.calibration || ': ' || p.calibration_note || '; EUR ' || p.price_year
        || CASE WHEN p.index_missing THEN '; no price index for ' || p.year || ', footprint not computed'
                ELSE ', spend ' || p.year || ' deflated by CPI' END || ')'                          AS factor_source,
    -- measures
    p.spend_min_eur,
    p.spend_mid_eur,
    p.spend_max_eur,
    CAST(p.spend_min_eur * p.price_index_ratio * p.co2_kg_per_eur * (1 - p.uncertainty_low_pct / 100) AS DECIMAL(38, 6))       AS co2_min_kg,
    CAST(p.spend_mid_eur * p.price_index_ratio * p.co2_kg_per_eur AS DECIMAL(38, 6))                                             AS co2_mid_kg,
    CAST(p.spend_max_eur * p.price_index_ratio * p.co2_kg_per_eur * (1 + p.uncertainty_high_pct / 100) AS DECIMAL(38, 6))      AS co2_max_kg,
    CAST(p.spend_min_eur * p.price_index_ratio * p.material_kg_per_eur * (1 - p.uncertainty_low_pct / 100) AS DECIMAL(38, 6))  AS material_min_kg,
    CAST(p.spend_mid_eur * p.price_index_ratio * p.material_kg_per_eur AS DECIMAL(38, 6))                                        AS material_mid_kg,
    CAST(p.spend_max_eur * p.price_index_ratio * p.material_kg_per_eur * (1 + p.uncertainty_high_pct / 100) AS DECIMAL(38, 6)) AS material_max_kg
FROM priced AS p
LEFT JOIN ref.cost_category AS cc
    ON name_key(cc.hoofdkostensoort) = name_key(p.hoofdkostensoort)
