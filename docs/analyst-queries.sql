-- Example questions for analysts, as SQL against the published snapshot (docs/analysts.md says how to open it).
-- Every query here is run by AnalystQueriesTest against the snapshot of the bundled samples.

-- 1. Total spend per department in 2023 as a range (EUR million); NULL max = no upper bound (staffel 13).
SELECT department_code,
       round(spend_min_eur / 1e6) AS min_meur,
       round(spend_mid_eur / 1e6) AS mid_meur,
       round(spend_max_eur / 1e6) AS max_meur
FROM marts.spend_by_department_year
WHERE year = 2023 AND spend_class = 'total'
ORDER BY spend_mid_eur DESC;

-- 2. Generic versus specific spend (midpoints, EUR million) per department and year.
SELECT department_code, year,
       round(sum(spend_mid_eur) FILTER (WHERE spend_class = 'generic') / 1e6) AS generic_meur,
       round(sum(spend_mid_eur) FILTER (WHERE spend_class = 'specific') / 1e6) AS specific_meur
FROM marts.spend_by_department_year
GROUP BY ALL
ORDER BY department_code, year;

-- 3. Input goals of one department over time.
SELECT year, goal_id, numerator_tenders, denominator_tenders, undetermined_tenders, share_pct, target_share_pct, status
FROM marts.input_goal_department_year
WHERE department_code = 'IenW'
ORDER BY goal_id, year;

-- 4. Goals off track in 2023, worst gap first, with the reason as a sentence.
SELECT department_code, goal_id, actual_value, trajectory_value, gap_to_trajectory, unit, status_reason_en
FROM marts.effect_goal_department_year
WHERE status = 'off_track' AND year = 2023
ORDER BY gap_to_trajectory;

-- 5. Goals given as a change against a baseline that was never measured, so their target value is unknown (a
--    steward can record a measured baseline, with its source, in config/targets.yaml). Statuses: docs/goals.md.
SELECT DISTINCT goal_id, goal_name_en, target_year
FROM marts.effect_goal_department_year
WHERE status = 'no_baseline'
ORDER BY goal_id;

-- 6. Who leads and who lags on the zero-emission fleet in 2023 (ranked only among departments judged alike).
SELECT target_kind, lead_rank, shortfall_rank, department_code, position, gap, unit
FROM marts.leaders_laggards
WHERE goal_id = 'transport_fleet_zero_emission' AND year = 2023
ORDER BY target_kind, lead_rank;

-- 7. Every spend line that came from one source file, with its line number.
SELECT line_no, department_code, year, hoofdkostensoort, supplier_name, staffel
FROM core.fct_spend_line
WHERE source_file = 'inkoopdata-2023-IenW.csv'
ORDER BY line_no
LIMIT 20;

-- 8. Lineage: from fact rows to their file, sha256 and line, and when those bytes were read (the load).
SELECT f.department_code, f.year, f.supplier_name, f.line_no, f.source_file, f.source_sha256, l.finished_at AS read_at
FROM core.fct_spend_line AS f
INNER JOIN raw.load AS l USING (load_id)
WHERE f.department_code = 'FIN' AND f.year = 2023
ORDER BY f.line_no
LIMIT 10;

-- 9. Rejected rows per file, with reasons.
SELECT source, source_file, line_no, column_name, value_raw, reason
FROM raw.reject
ORDER BY source, source_file, line_no;

-- 10. Which sources arrived per department and year (no MVI-ZET export means 'no data', not 0%).
SELECT department_code, year, has_spend, has_mvi_zet, has_supplier_results, tender_count, supplier_result_count
FROM marts.source_coverage
WHERE NOT (has_spend AND has_mvi_zet AND has_supplier_results)
ORDER BY department_code, year;

-- 11. Cost categories whose total was in staffel 13, counted from their supplier lines (Appendix 4).
SELECT department_code, year, hoofdkostensoort, supplier_line_count, spend_min_eur, spend_mid_eur, spend_max_eur
FROM core.int_spend_category_year
WHERE method = 'supplier_sum_staffel_13'
ORDER BY spend_mid_eur DESC;

-- 12. Restated supplier results: every version, the current one first.
SELECT contract_id, metric, period_start, period_end, version_rank, is_current, value_reported, unit_reported, reported_on
FROM core.fct_supplier_result_history
WHERE version_count > 1
ORDER BY contract_id, metric, period_start, version_rank;

-- 13. Government-wide input-goal shares, computed from summed counts.
SELECT year, goal_id, numerator_tenders, denominator_tenders, share_pct, departments_without_data
FROM marts.input_goal_department_year
WHERE department_code = 'RIJK'
ORDER BY year, goal_id;

-- 14. Progress of one goal for every department in one year, read straight from the Hive-partitioned lake
--     (the year filter reads only the year=2023 folder).
SELECT department_code, actual_value, trajectory_value, status
FROM read_parquet('lake/effect_goal_department_year/**/*.parquet', hive_partitioning = true)
WHERE year = 2023 AND goal_id = 'energy_renewable_electricity_share'
ORDER BY department_code;
