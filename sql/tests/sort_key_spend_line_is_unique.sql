-- severity: error
-- description: the sort_by columns of the spend lines name each row once, so their published files are written in one fixed order
SELECT load_id, line_no, count(*) AS row_count
FROM core.fct_spend_line GROUP BY ALL HAVING count(*) > 1
