-- unique_key: department_code, year, spend_class
-- The report's spend table (Table 1 per page): per department and for RIJK, per year and spend class, the range
-- published in marts.rpt_department_progress (its spend rows, whose RIJK rows add up the departments).
--
-- column spend_max_eur (EUR): Upper bound of the spend; NULL when a staffel-13 amount leaves it unbounded.
SELECT
    department_code,
    year,
    regexp_replace(goal_id, '^spend_', '') AS spend_class,
    CAST(actual_min AS BIGINT)             AS spend_min_eur,
    CAST(actual_value AS BIGINT)           AS spend_mid_eur,
    CAST(actual_max AS BIGINT)             AS spend_max_eur
FROM marts.rpt_department_progress
WHERE goal_kind = 'spend'
