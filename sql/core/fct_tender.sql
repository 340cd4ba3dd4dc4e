-- The current version of every tender: per TenderNed publication number the latest MVI-ZET record (latest
-- record date, then latest load, then last line), classified for the input goals I-IV (DOMAIN.md, Table 2).
-- A goal's in-scope flag is NULL where the record lacks what is needed to decide (missing product group,
-- wage sum, duration, value or date): such tenders are counted as undetermined, never dropped silently.
WITH versions AS (
    SELECT
        t.*,
        count(*) OVER (PARTITION BY t.publication_id) AS version_count,
        row_number() OVER (
            PARTITION BY t.publication_id
            ORDER BY t.record_date DESC NULLS LAST, l.finished_at DESC, t.line_no DESC
        ) AS version_rank
    FROM staging.tender_record AS t
    INNER JOIN raw.load AS l USING (load_id)
),

current_records AS (
    SELECT * FROM versions WHERE version_rank = 1
),

parameters AS (
    SELECT
        max(CASE WHEN parameter = 'social_return_min_wage_sum_eur' THEN CAST(value AS DECIMAL(18, 2)) END)          AS sr_min_wage_sum_eur,
        max(CASE WHEN parameter = 'social_return_min_duration_months' THEN CAST(value AS INTEGER) END)              AS sr_min_duration_months,
        max(CASE WHEN parameter = 'isv_mandatory_from' THEN CAST(value AS DATE) END)                                AS isv_mandatory_from,
        max(CASE WHEN parameter = 'category_management_min_impact_weight_pct' THEN CAST(value AS DECIMAL(5, 2)) END) AS cm_min_weight_pct
    FROM ref.input_goal_parameter
),

classified AS (
    SELECT
        c.*,
        p.*,
        pg.relevant_for_rijk                                     AS is_relevant_product_group,
        pg.cluster                                               AS product_group_cluster,
        isv.rijksinkoopcategorie IS NOT NULL                     AS is_isv_risk_category,
        CASE c.contract_type WHEN 'works' THEN th.works_eur ELSE th.supplies_services_eur END AS eu_threshold_eur
    FROM current_records AS c
    CROSS JOIN parameters AS p
    LEFT JOIN ref.mvi_product_group AS pg
        ON norm_key(pg.product_group) = norm_key(c.product_group)
    LEFT JOIN ref.isv_risk_category AS isv
        ON norm_key(isv.rijksinkoopcategorie) = norm_key(c.rijksinkoopcategorie)
    LEFT JOIN ref.eu_threshold AS th
        ON c.publication_date BETWEEN th.valid_from AND th.valid_to
)

SELECT
    -- keys
    publication_id,
    department_code,
    year,
    -- attributes
    kenmerk,
    organisation,
    title,
    contract_type,
    procedure,
    scope,
    publication_date,
    award_date,
    product_group,
    product_group_cluster,
    is_relevant_product_group,
    mvi_criteria_applied,
    ambition_level,
    themes_applied,
    is_category_management,
    rijksinkoopcategorie,
    is_isv_risk_category,
    social_return_applied,
    isv_applied,
    record_date,
    version_count,
    -- measures
    estimated_value_eur,
    eu_threshold_eur,
    estimated_value_eur >= eu_threshold_eur                 AS is_above_eu_threshold,
    societal_impact_weight_pct,
    wage_sum_eur,
    duration_months,
    -- input goals: in scope (NULL = undetermined) and met
    is_relevant_product_group                               AS goal_i_in_scope,
    mvi_criteria_applied                                    AS goal_i_met,
    CASE
        WHEN is_relevant_product_group = false OR mvi_criteria_applied = false THEN false
        WHEN is_relevant_product_group IS NULL OR mvi_criteria_applied IS NULL THEN NULL
        ELSE true
    END                                                     AS goal_i_ambition_in_scope,
    ambition_level IN ('significant', 'ambitious')          AS goal_i_ambition_met,
    true                                                    AS goal_i_all_in_scope,
    mvi_criteria_applied                                    AS goal_i_all_met,
    is_category_management                                  AS goal_ii_in_scope,
    societal_impact_weight_pct >= cm_min_weight_pct         AS goal_ii_met,
    CASE
        WHEN contract_type = 'supplies' THEN false
        WHEN wage_sum_eur IS NULL OR duration_months IS NULL THEN NULL
        ELSE wage_sum_eur >= sr_min_wage_sum_eur AND duration_months >= sr_min_duration_months
    END                                                     AS goal_iii_in_scope,
    social_return_applied                                   AS goal_iii_met,
    CASE
        WHEN NOT is_isv_risk_category THEN false
        WHEN publication_date IS NULL OR estimated_value_eur IS NULL OR eu_threshold_eur IS NULL THEN NULL
        ELSE publication_date >= isv_mandatory_from AND estimated_value_eur >= eu_threshold_eur
    END                                                     AS goal_iv_in_scope,
    isv_applied                                             AS goal_iv_met,
    -- lineage
    load_id,
    source_file,
    source_sha256,
    line_no
FROM classified
