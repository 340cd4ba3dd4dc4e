-- severity: error
-- description: every spend figure satisfies min <= mid <= max (max only where bounded)
SELECT department_code, year, spend_class, spend_min_eur, spend_mid_eur, spend_max_eur
FROM marts.spend_by_department_year
WHERE spend_min_eur > spend_mid_eur
   OR (spend_max_eur IS NOT NULL AND spend_mid_eur > spend_max_eur)
   OR (spend_max_eur IS NULL AND NOT is_spend_max_unbounded)
