-- severity: error
-- description: the sort_by columns of the line-level models name each row once, so their published files are written in one fixed order
SELECT 'core.fct_spend_line' AS table_name, load_id || ':' || line_no AS sort_key, count(*) AS row_count
FROM core.fct_spend_line GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_supplier_result_history', load_id || ':' || line_no, count(*)
FROM core.fct_supplier_result_history GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_supplier_result', load_id || ':' || line_no, count(*)
FROM core.fct_supplier_result GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_tender', CAST(publication_id AS VARCHAR), count(*)
FROM core.fct_tender GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_tender_goal', publication_id || ':' || goal_id, count(*)
FROM core.fct_tender_goal GROUP BY ALL HAVING count(*) > 1
