-- unique_key: department_code, year, impact_segment
-- The published footprint files (departments/<DEPT>/footprint.* and rijk/footprint.*, one file set per
-- department_code, the columns in file order): marts.footprint_department_year for the departments that have a
-- progress file (marts.rpt_department_progress), so every footprint file sits beside a progress file.
--
-- column impact_segment (-): impact segment of Figure 1; 'total' for the department-year within the strategy; 'outside_strategy_scope' for the segments outside it.
-- column co2_min_kg (kg CO2-eq): footprint at the lower spend bounds.
-- column co2_mid_kg (kg CO2-eq): footprint at the midpoint spend.
-- column co2_max_kg (kg CO2-eq): footprint at the upper spend bounds; NULL when any spend maximum is unbounded.
-- column material_min_kg (kg): material use at the lower spend bounds.
-- column material_mid_kg (kg): material use at the midpoint spend.
-- column material_max_kg (kg): material use at the upper spend bounds; NULL when any spend maximum is unbounded.
-- column high_impact_co2_share_pct (%): share of the midpoint CO2 footprint from high-impact product groups; total rows only.
-- column calibration (-): calibrated when every intensity behind the row is calibrated on Figure 1; group_average when any is a fallback (then factor_source says why).
-- column price_year (-): year whose euros the intensities are per; the spend was converted to it with the price index.
-- column factor_source (-): the intensities used, with source, factor group and reference year.
WITH published_departments AS (
    SELECT DISTINCT department_code
    FROM marts.rpt_department_progress
)

SELECT
    f.department_code,
    f.year,
    f.impact_segment,
    f.co2_min_kg,
    f.co2_mid_kg,
    f.co2_max_kg,
    f.material_min_kg,
    f.material_mid_kg,
    f.material_max_kg,
    f.spend_mid_eur,
    f.high_impact_co2_share_pct,
    f.calibration,
    f.price_year,
    f.factor_source
FROM marts.footprint_department_year AS f
INNER JOIN published_departments AS d USING (department_code)
