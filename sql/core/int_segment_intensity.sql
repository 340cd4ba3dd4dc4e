-- unique_key: impact_segment
-- Emission and material intensity per impact segment, calibrated on the evaluation's Figure 1 (section 4.2): the
-- segment's kt in Figure 1 divided by the segment's spend in the reference year (config/reference/impact_factors.csv,
-- reference_year, default 2019, the year of Figure 1), that spend first brought to the factors' price year with the
-- price index (config/reference/price_indices.csv). A segment without Figure 1 values, or without spend in the
-- reference year (that year not loaded), keeps its group average and says so in calibration and calibration_note.
--
-- column factor_group (-): spend group of Figure 1 whose average is the fallback intensity: category_management, other_generic, specific, or fallback for unclassified.
-- column figure1_co2_kt (kt CO2-eq): Figure 1's emissions for the segment; NULL when the segment is not in Figure 1.
-- column figure1_material_kt (kt): Figure 1's material use for the segment.
-- column reference_year (-): year whose spend the intensity is calibrated on.
-- column price_year (-): year whose euros the intensities are per.
-- column reference_spend_min_eur (EUR, price year): the segment's spend in the reference year at the lower staffel bounds.
-- column reference_spend_mid_eur (EUR, price year): ... at the midpoints; the calibration divides by this one.
-- column reference_spend_max_eur (EUR, price year): ... at the upper bounds; NULL when a staffel is unbounded.
-- column co2_kg_per_eur (kg CO2-eq/EUR): intensity used: calibrated, or the group average when calibration is group_average.
-- column material_kg_per_eur (kg/EUR): material intensity used, likewise.
-- column uncertainty_low_pct (%): how much lower the intensity may be; applied to the published minimum.
-- column uncertainty_high_pct (%): how much higher the intensity may be; applied to the published maximum.
-- column in_strategy_scope (-): false for segments outside Inkopen met Impact (Defence specific procurement).
-- column calibration (-): calibrated (Figure 1 kt / reference-year spend) or group_average (fallback).
-- column calibration_note (-): why, in words, naming the reference year.
WITH reference_spend AS (
    SELECT
        s.impact_segment,
        -- the spend is summed exactly first and deflated once (one reference year per segment, so one ratio):
        -- a sum of per-row doubles would differ in its last digit with the order DuckDB adds the rows in
        sum(s.spend_min_eur) * (any_value(pf.index_value) / any_value(py.index_value))                AS spend_min,
        sum(s.spend_mid_eur) * (any_value(pf.index_value) / any_value(py.index_value))                AS spend_mid,
        CASE WHEN bool_or(s.spend_max_eur IS NULL) THEN NULL
             ELSE sum(s.spend_max_eur) * (any_value(pf.index_value) / any_value(py.index_value)) END   AS spend_max
    FROM core.int_spend_category_year AS s
    INNER JOIN ref.impact_factor AS f ON f.impact_segment = s.impact_segment AND s.year = f.reference_year
    INNER JOIN ref.price_index AS py ON py.year = s.year
    INNER JOIN ref.price_index AS pf ON pf.year = f.price_year
    GROUP BY ALL
)

SELECT
    -- keys
    f.impact_segment,
    -- attributes
    f.factor_group,
    f.reference_year,
    f.price_year,
    coalesce(f.in_strategy_scope, true)                                                               AS in_strategy_scope,
    CASE WHEN f.figure1_co2_kt IS NOT NULL AND r.spend_mid > 0 THEN 'calibrated' ELSE 'group_average' END AS calibration,
    CASE
        WHEN f.figure1_co2_kt IS NULL THEN 'not a segment of Figure 1: ' || f.source || ' average'
        WHEN coalesce(r.spend_mid, 0) = 0 THEN 'reference year ' || f.reference_year
            || ' has no spend for this segment (not loaded): group average of ' || f.factor_group || ', not calibrated'
        ELSE 'Figure 1 ' || rtrim(rtrim(CAST(f.figure1_co2_kt AS VARCHAR), '0'), '.') || ' kt CO2-eq / spend ' || f.reference_year || ' (EUR ' || f.price_year || ')'
    END                                                                                               AS calibration_note,
    f.source,
    -- measures
    f.figure1_co2_kt,
    f.figure1_material_kt,
    CAST(round(r.spend_min) AS BIGINT)                                                                AS reference_spend_min_eur,
    CAST(round(r.spend_mid) AS BIGINT)                                                                AS reference_spend_mid_eur,
    CAST(round(r.spend_max) AS BIGINT)                                                                AS reference_spend_max_eur,
    CASE WHEN f.figure1_co2_kt IS NOT NULL AND r.spend_mid > 0
         THEN CAST(f.figure1_co2_kt * 1000000 AS DOUBLE) / r.spend_mid ELSE CAST(f.co2_kg_per_eur AS DOUBLE) END   AS co2_kg_per_eur,
    CASE WHEN f.figure1_co2_kt IS NOT NULL AND r.spend_mid > 0
         THEN CAST(f.figure1_material_kt * 1000000 AS DOUBLE) / r.spend_mid ELSE CAST(f.material_kg_per_eur AS DOUBLE) END AS material_kg_per_eur,
    coalesce(f.uncertainty_low_pct, 0)                                                                AS uncertainty_low_pct,
    coalesce(f.uncertainty_high_pct, 0)                                                               AS uncertainty_high_pct
FROM ref.impact_factor AS f
LEFT JOIN reference_spend AS r USING (impact_segment)
ORDER BY f.impact_segment
