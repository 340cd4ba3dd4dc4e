-- unique_key: load_id, line_no
-- sort_by: department_code, year, load_id, line_no
-- incremental_by: department_code, year
-- One row per accepted spend line (a supplier line or a category total) with the bounds of its staffel
-- (Appendix 4, Table 6) and the classification of its cost category, from the file that is current for its
-- department-year (raw.input_partition: the latest arrival in the landing folder). Lineage columns lead back to it.
--
-- column is_category_total (-): True when the line is a category total, its supplier text being a marker from config/reference/spend_total_markers.csv such as Totaal, and false for a supplier line.
-- column staffel_min_eur (EUR): Lower bound of the line's staffel band from config/reference/staffel_bands.csv; NULL for staffel 0, which has no published lower bound.
-- column staffel_mid_eur (EUR): Midpoint the evaluation uses for the line's staffel, staffel 13 counting at its lower bound of 150,000,001; NULL for staffel 0, which is left out.
-- column staffel_max_eur (EUR): Upper bound of the line's staffel band; 0 for staffel 0 and NULL for staffel 13, which has no upper bound.
SELECT
    -- keys
    l.department_code,
    l.year,
    l.hoofdkostensoort,
    l.supplier_name,
    -- attributes
    l.is_category_total,
    l.staffel,
    coalesce(c.spend_class, 'unclassified')    AS spend_class,
    coalesce(c.impact_segment, 'unclassified') AS impact_segment,
    -- measures (EUR)
    b.min_eur                                  AS staffel_min_eur,
    b.mid_eur                                  AS staffel_mid_eur,
    b.max_eur                                  AS staffel_max_eur,
    -- lineage
    l.load_id,
    i.source_file,
    i.source_sha256,
    l.line_no
FROM staging.spend_line AS l
INNER JOIN raw.input_partition AS i
    ON i.source = 'spend' AND i.is_current AND i.rows_load_id = l.load_id
    AND i.department_code = l.department_code AND i.year = l.year
LEFT JOIN ref.staffel_band AS b
    ON b.staffel = l.staffel
LEFT JOIN ref.cost_category AS c
    ON name_key(c.hoofdkostensoort) = name_key(l.hoofdkostensoort)
