-- unique_key: category_code, contract_id, metric, period_start, period_end
-- sort_by: category_code, year, department_code, contract_id, metric, period_start, period_end
-- The supplier-reported results of a government-wide procurement category's contracts: the current value of each
-- contract x metric x period (core.fct_supplier_result). The results files name no category, so the metric decides
-- which category a result belongs to (config/reference/category_mappings.csv, source_kind result_metric).
-- Published as categories/<code>/results.*.
--
-- column category_code (-): Code of the government-wide procurement category from config/reference/rijksinkoopcategorieen.csv, such as energie.
-- column category_name_nl (-): Name of the procurement category as the government writes it, such as Energie.
-- column metric_name_nl (-): Dutch name of the metric from config/reference/result_metrics.csv, such as Elektriciteitsverbruik.
WITH mapping AS (
    SELECT source_value AS metric, category_code
    FROM ref.category_mapping
    WHERE source_kind = 'result_metric'
)

SELECT
    -- keys
    m.category_code,
    r.contract_id,
    r.metric,
    r.period_start,
    r.period_end,
    -- attributes
    r.year,
    r.department_code,
    c.name_nl                   AS category_name_nl,
    rm.metric_name_nl,
    r.supplier_name,
    r.supplier_kvk,
    r.reported_on,
    -- measures
    r.value_base,
    r.base_unit,
    -- lineage
    r.source_file,
    r.line_no
FROM core.fct_supplier_result AS r
INNER JOIN mapping AS m
    ON m.metric = r.metric
INNER JOIN ref.rijksinkoopcategorie AS c USING (category_code)
LEFT JOIN ref.result_metric AS rm
    ON rm.metric = r.metric
ORDER BY m.category_code, r.year, r.department_code, r.contract_id, r.metric, r.period_start, r.period_end
