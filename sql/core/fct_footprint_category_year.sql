-- unique_key: department_code, year, hoofdkostensoort
-- incremental_by: department_code, year
-- Estimated CO2-eq and material footprint per department x year x cost category: the category's spend range
-- (Appendix 4) times the intensity of its impact segment (config/reference/impact_factors.csv, derived from the
-- evaluation's Figure 1, with RIVM's all-government average for categories without a segment). The range follows
-- the staffel bounds; an unbounded spend maximum leaves the footprint maximum unbounded (NULL).
--
-- column co2_kg_per_eur (kg CO2-eq/EUR): emission intensity applied to this category's segment.
-- column material_kg_per_eur (kg/EUR): material intensity applied to this category's segment.
-- column co2_min_kg (kg CO2-eq): footprint at the lower spend bound.
-- column co2_mid_kg (kg CO2-eq): footprint at the report's midpoint spend.
-- column co2_max_kg (kg CO2-eq): footprint at the upper spend bound; NULL when the spend maximum is unbounded.
-- column material_min_kg (kg): material use at the lower spend bound.
-- column material_mid_kg (kg): material use at the midpoint spend.
-- column material_max_kg (kg): material use at the upper spend bound; NULL when the spend maximum is unbounded.
-- column factor_source (-): where the intensity comes from, its factor group and reference year.
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
    FROM core.fct_spend_category_year
)

SELECT
    -- keys
    c.department_code,
    c.year,
    c.hoofdkostensoort,
    -- attributes
    c.spend_class,
    c.impact_segment,
    cc.high_impact_product_group,
    f.co2_kg_per_eur,
    f.material_kg_per_eur,
    f.source || ' (' || f.factor_group || ', ' || f.reference_year || ', ' || f.price_basis || ')' AS factor_source,
    -- measures
    c.spend_min_eur,
    c.spend_mid_eur,
    c.spend_max_eur,
    CAST(c.spend_min_eur * f.co2_kg_per_eur AS DECIMAL(38, 6))      AS co2_min_kg,
    CAST(c.spend_mid_eur * f.co2_kg_per_eur AS DECIMAL(38, 6))      AS co2_mid_kg,
    CAST(c.spend_max_eur * f.co2_kg_per_eur AS DECIMAL(38, 6))      AS co2_max_kg,
    CAST(c.spend_min_eur * f.material_kg_per_eur AS DECIMAL(38, 6)) AS material_min_kg,
    CAST(c.spend_mid_eur * f.material_kg_per_eur AS DECIMAL(38, 6)) AS material_mid_kg,
    CAST(c.spend_max_eur * f.material_kg_per_eur AS DECIMAL(38, 6)) AS material_max_kg
FROM categories AS c
LEFT JOIN ref.impact_factor AS f
    ON f.impact_segment = c.impact_segment
LEFT JOIN ref.cost_category AS cc
    ON name_key(cc.hoofdkostensoort) = name_key(c.hoofdkostensoort)
