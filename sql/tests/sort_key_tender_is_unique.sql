-- severity: error
-- description: the sort_by columns of the tenders and their goals name each row once, so their published files are written in one fixed order
SELECT 'core.fct_tender' AS table_name, CAST(publication_id AS VARCHAR) AS sort_key, count(*) AS row_count
FROM core.fct_tender GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT 'core.fct_tender_goal', publication_id || ':' || goal_id, count(*)
FROM core.fct_tender_goal GROUP BY ALL HAVING count(*) > 1
