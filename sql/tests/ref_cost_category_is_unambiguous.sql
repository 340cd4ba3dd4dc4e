-- severity: error
-- description: no two cost categories in config/reference/cost_categories.csv differ only in case, accents, spaces or punctuation (they are matched that way)
SELECT name_key(hoofdkostensoort) AS category_key, list(hoofdkostensoort) AS categories
FROM ref.cost_category
GROUP BY ALL
HAVING count(*) > 1
