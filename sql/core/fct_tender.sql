-- unique_key: publication_id
-- sort_by: department_code, year, publication_id
-- The current version of every tender: per TenderNed publication number the latest MVI-ZET record (latest
-- record date, then latest arrival in the landing folder, then last line; only files in the folder count), classified for the input goals I-IV (evaluation Table 2).
-- A goal's in-scope flag is NULL where the record lacks what is needed to decide (missing product group,
-- wage sum, duration, value or date): such tenders are counted as undetermined, never dropped silently.
--
-- column kenmerk (-): The buyer's own reference for the tender (Kenmerk), such as IenW/2023/0042; NULL when not given.
-- column organisation (-): Buying organisation within the ministry as written in MVI-ZET, such as Rijkswaterstaat; NULL when not given.
-- column title (-): Title of the tender as written in MVI-ZET; NULL when not given.
-- column contract_type (-): Type of contract, supplies, services or works, mapped from Type opdracht through config/reference/value_aliases.csv.
-- column procedure (-): Tender procedure as written, such as Openbaar or Meervoudig onderhands; NULL when not given.
-- column scope (-): Whether the tender followed the national or the european procedure (national, european); NULL when not given.
-- column publication_date (date): Date of publication on TenderNed, which sets the tender's year and its EU threshold; NULL when the record gives only an award date.
-- column award_date (date): Date the contract was awarded; NULL while it is not (yet) awarded or when not given.
-- column product_group (-): Product group of the MVI criteria tool as written in the record; NULL when not given.
-- column product_group_cluster (-): Cluster of the product group in config/reference/mvi_product_groups.csv, such as Voeding en catering; NULL when the product group is missing or not in that file.
-- column is_relevant_product_group (-): Whether the product group is relevant for the central government (relevant_for_rijk in config/reference/mvi_product_groups.csv); NULL when the product group is missing or not in that file.
-- column mvi_criteria_applied (-): Whether the buyer applied MVI (sustainability) criteria in the tender; NULL when the answer was left open.
-- column ambition_level (-): Ambition level of the applied criteria in the MVI criteria tool: none, basic, significant or ambitious; NULL when not given, as is usual when no criteria were applied.
-- column themes_applied (-): List of {theme, instrument} pairs saying how each sustainability theme was applied, with theme one of climate, circular, social, isv, environment or diversity and instrument one of minimum_requirement, award_criterion or contract_clause; an empty list when no theme was recorded.
-- column is_category_management (-): Whether the tender was bought through government-wide category management; NULL when the answer was left open.
-- column rijksinkoopcategorie (-): Government-wide purchasing category of a category-management tender as written, such as Energie; NULL when not given.
-- column is_isv_risk_category (-): True when rijksinkoopcategorie is one of the ISV risk categories of config/reference/isv_risk_categories.csv (Table 4), and false otherwise, also when rijksinkoopcategorie is empty.
-- column social_return_applied (-): Whether social return was made a condition of the contract; NULL when the answer was left open.
-- column isv_applied (-): Whether the international social conditions (ISV) were applied; NULL when the answer was left open.
-- column record_date (date): Date the record was last changed in MVI-ZET (Datum mutatie), the first criterion for which version is current; NULL when not given.
-- column estimated_value_eur (EUR): Estimated contract value excluding VAT; NULL when not given.
-- column eu_threshold_eur (EUR): EU threshold in force on the publication date for the tender's contract type (works, or supplies and services) from config/reference/eu_thresholds.csv; NULL when there is no publication date or no threshold period covers it.
-- column is_above_eu_threshold (-): True when estimated_value_eur is at or above eu_threshold_eur; NULL when either is unknown.
-- column societal_impact_weight_pct (%): Share of the award decision given to societal impact, from 0 to 100; NULL when not given.
-- column wage_sum_eur (EUR): Wage sum of the contract excluding VAT, which decides whether input goal III applies; NULL when not given, as is usual for supplies.
-- column duration_months (months): Duration of the contract in whole months; NULL when not given.
-- column goal_i_in_scope (-): Whether the tender counts for input goal I because its product group is relevant for the central government; NULL (undetermined) when the product group is missing or unknown.
-- column goal_i_met (-): Whether the tender meets input goal I, that is whether MVI criteria were applied; NULL when that answer is missing.
-- column goal_i_ambition_in_scope (-): Whether the tender counts for goal I_ambition, being in a relevant product group with MVI criteria applied; NULL when either of the two is undetermined.
-- column goal_i_ambition_met (-): Whether the criteria were applied at the significant or ambitious level, for goal I_ambition; NULL when the ambition level is missing.
-- column goal_i_all_in_scope (-): Always true, because goal I_all counts every tender.
-- column goal_i_all_met (-): Whether MVI criteria were applied, for goal I_all; NULL when that answer is missing.
-- column goal_ii_in_scope (-): Whether the tender counts for input goal II because it was bought through category management; NULL when that answer is missing.
-- column goal_ii_met (-): Whether the societal-impact weight reaches the minimum in config/reference/input_goal_parameters.csv (now 50%), for goal II; NULL when the weight is missing.
-- column goal_iii_in_scope (-): Whether the tender counts for input goal III, being works or services with a wage sum and duration at or above the minimums in config/reference/input_goal_parameters.csv (now EUR 250,000 and 6 months), supplies never; NULL when a works or services tender lacks its wage sum or duration.
-- column goal_iii_met (-): Whether social return was applied, for goal III; NULL when that answer is missing.
-- column goal_iv_in_scope (-): Whether the tender counts for input goal IV, being in an ISV risk category, published on or after the ISV start date in config/reference/input_goal_parameters.csv (2017-09-01) and valued at or above the EU threshold; NULL when such a tender lacks its value, publication date or a matching threshold.
-- column goal_iv_met (-): Whether ISV was applied, for goal IV; NULL when that answer is missing.
WITH versions AS (
    SELECT
        t.* REPLACE (i.source_file AS source_file),
        count(*) OVER (PARTITION BY t.publication_id) AS version_count,
        row_number() OVER (
            PARTITION BY t.publication_id
            ORDER BY t.record_date DESC NULLS LAST, i.arrived_at DESC, i.source_file DESC, t.line_no DESC
        ) AS version_rank
    FROM staging.tender_record AS t
    INNER JOIN raw.input_partition AS i
        ON i.source = 'tender' AND i.is_current AND i.rows_load_id = t.load_id
        AND i.department_code = t.department_code AND i.year = t.year
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
