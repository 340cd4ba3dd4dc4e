-- severity: error
-- description: the sort_by columns of the supplier results (current and history) name each row once, so their published files are written in one fixed order
SELECT 'core.fct_supplier_result_history' AS table_name, load_id, line_no, count(*) AS row_count
FROM core.fct_supplier_result_history GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_supplier_result', load_id, line_no, count(*)
FROM core.fct_supplier_result GROUP BY ALL HAVING count(*) > 1
