-- Validates and types the MVI-ZET records of one load batch (temporary view load_lines, filled by the loader); one
-- output row per row read, `rejects` lists every problem found (empty: the record is kept in staging.tender_record).
-- Blank optional answers stay NULL: the input-goal models count such tenders as undetermined.
-- Typed values (XLSX cells, JSON numbers) arrive marked (sql/macros/20_numbers.sql): number and date columns keep the
-- mark so parse_amount, parse_quantity and parse_date take them as typed; text columns and whole-number codes (a year:
-- a typed 2023.0 is written '2023', a typed 2023.5 '2023.5', which is no year) are read without it.
WITH raw_records AS (
    SELECT
        load_id,
        source_file,
        source_sha256,
        line_no,
        nullif(trim(typed_text(publication_id_raw)), '')          AS publication_id_raw,
        nullif(trim(typed_text(kenmerk_raw)), '')                 AS kenmerk_raw,
        nullif(trim(typed_text(department_raw)), '')              AS department_raw,
        nullif(trim(typed_text(organisation_raw)), '')            AS organisation_raw,
        nullif(trim(typed_text(title_raw)), '')                   AS title_raw,
        nullif(trim(typed_text(contract_type_raw)), '')           AS contract_type_raw,
        nullif(trim(typed_text(procedure_raw)), '')               AS procedure_raw,
        nullif(trim(typed_text(scope_raw)), '')                   AS scope_raw,
        nullif(trim(publication_date_raw), '')        AS publication_date_raw,
        nullif(trim(award_date_raw), '')              AS award_date_raw,
        nullif(trim(estimated_value_raw), '')         AS estimated_value_raw,
        nullif(trim(typed_text(product_group_raw)), '')           AS product_group_raw,
        nullif(trim(typed_text(mvi_criteria_applied_raw)), '')    AS mvi_criteria_applied_raw,
        nullif(trim(typed_text(ambition_level_raw)), '')          AS ambition_level_raw,
        typed_text(theme_climate_raw) AS theme_climate_raw,
        typed_text(theme_circular_raw) AS theme_circular_raw,
        typed_text(theme_social_raw) AS theme_social_raw,
        typed_text(theme_isv_raw) AS theme_isv_raw,
        typed_text(theme_environment_raw) AS theme_environment_raw,
        typed_text(theme_diversity_raw) AS theme_diversity_raw,
        nullif(trim(replace(societal_impact_weight_raw, '%', '')), '') AS societal_impact_weight_raw,
        nullif(trim(typed_text(category_management_raw)), '')     AS category_management_raw,
        nullif(trim(typed_text(rijksinkoopcategorie_raw)), '')    AS rijksinkoopcategorie_raw,
        nullif(trim(typed_text(social_return_applied_raw)), '')   AS social_return_applied_raw,
        nullif(trim(wage_sum_raw), '')                AS wage_sum_raw,
        nullif(trim(duration_months_raw), '')         AS duration_months_raw,
        nullif(trim(typed_text(isv_applied_raw)), '')             AS isv_applied_raw,
        nullif(trim(record_date_raw), '')             AS record_date_raw
    FROM load_lines
),

-- A number that is ambiguous on its own ('1.500') is read in the notation the rest of its file's column shows.
number_notations AS (
    SELECT
        load_id,
        column_notation(bool_or(number_notation(estimated_value_raw) = 'dutch'),
                        bool_or(number_notation(estimated_value_raw) = 'english'))         AS estimated_value_notation,
        column_notation(bool_or(number_notation(societal_impact_weight_raw) = 'dutch'),
                        bool_or(number_notation(societal_impact_weight_raw) = 'english'))  AS societal_impact_weight_notation,
        column_notation(bool_or(number_notation(wage_sum_raw) = 'dutch'),
                        bool_or(number_notation(wage_sum_raw) = 'english'))                AS wage_sum_notation,
        column_notation(bool_or(number_notation(duration_months_raw) = 'dutch'),
                        bool_or(number_notation(duration_months_raw) = 'english'))         AS duration_months_notation
    FROM raw_records
    GROUP BY load_id
),

value_aliases AS (
    SELECT domain, norm_key(alias) AS alias_key, value
    FROM ref.value_alias
),

theme_answers AS (
    UNPIVOT (
        SELECT
            load_id,
            line_no,
            theme_climate_raw     AS climate,
            theme_circular_raw    AS circular,
            theme_social_raw      AS social,
            theme_isv_raw         AS isv,
            theme_environment_raw AS environment,
            theme_diversity_raw   AS diversity
        FROM raw_records
    )
    ON climate, circular, social, isv, environment, diversity
    INTO NAME theme VALUE answer
),

theme_tokens AS (
    SELECT load_id, line_no, theme, trim(token) AS token
    FROM (SELECT load_id, line_no, theme, unnest(string_split_regex(answer, '\s*[,;/+]\s*')) AS token FROM theme_answers)
    -- an explicit 'no' in a theme column means the theme was not applied
    WHERE trim(token) <> '' AND norm_key(token) NOT IN ('nee', 'no', 'geen', '-', 'n.v.t.', 'nvt')
),

themes AS (
    SELECT
        t.load_id,
        t.line_no,
        list({'theme': t.theme, 'instrument': a.value} ORDER BY t.theme, a.value) FILTER (WHERE a.value IS NOT NULL) AS themes_applied,
        string_agg(t.theme || ' ''' || t.token || '''', ', ') FILTER (WHERE a.value IS NULL)                          AS unknown_instruments
    FROM theme_tokens AS t
    LEFT JOIN value_aliases AS a
        ON a.domain = 'theme_instrument' AND a.alias_key = norm_key(t.token)
    GROUP BY t.load_id, t.line_no
),

typed AS (
    SELECT
        r.*,
        k.department_code,
        parse_date(r.publication_date_raw)                     AS publication_date,
        parse_date(r.award_date_raw)                           AS award_date,
        parse_date(r.record_date_raw)                          AS record_date,
        parse_amount(r.estimated_value_raw, notation := nn.estimated_value_notation) AS estimated_value_eur,
        parse_amount(r.societal_impact_weight_raw, notation := nn.societal_impact_weight_notation) AS societal_impact_weight_pct,
        parse_amount(r.wage_sum_raw, notation := nn.wage_sum_notation) AS wage_sum_eur,
        parse_amount(r.duration_months_raw, notation := nn.duration_months_notation) AS duration_months_value,
        ct.value                                               AS contract_type,
        am.value                                               AS ambition_level,
        sc.value                                               AS scope,
        CAST(crit.value AS BOOLEAN)                            AS mvi_criteria_applied,
        CAST(cm.value AS BOOLEAN)                              AS is_category_management,
        CAST(sr.value AS BOOLEAN)                              AS social_return_applied,
        CAST(isv.value AS BOOLEAN)                             AS isv_applied,
        coalesce(th.themes_applied, [])                        AS themes_applied,
        th.unknown_instruments
    FROM raw_records AS r
    LEFT JOIN ref.department_key AS k ON k.department_key = norm_key(r.department_raw)
    LEFT JOIN value_aliases AS ct ON ct.domain = 'contract_type' AND ct.alias_key = norm_key(r.contract_type_raw)
    LEFT JOIN value_aliases AS am ON am.domain = 'ambition_level' AND am.alias_key = norm_key(r.ambition_level_raw)
    LEFT JOIN value_aliases AS sc ON sc.domain = 'scope' AND sc.alias_key = norm_key(r.scope_raw)
    LEFT JOIN value_aliases AS crit ON crit.domain = 'yes_no' AND crit.alias_key = norm_key(r.mvi_criteria_applied_raw)
    LEFT JOIN value_aliases AS cm ON cm.domain = 'yes_no' AND cm.alias_key = norm_key(r.category_management_raw)
    LEFT JOIN value_aliases AS sr ON sr.domain = 'yes_no' AND sr.alias_key = norm_key(r.social_return_applied_raw)
    LEFT JOIN value_aliases AS isv ON isv.domain = 'yes_no' AND isv.alias_key = norm_key(r.isv_applied_raw)
    LEFT JOIN themes AS th ON th.load_id = r.load_id AND th.line_no = r.line_no
    LEFT JOIN number_notations AS nn ON nn.load_id = r.load_id
),

with_year AS (
    SELECT
        *,
        year(coalesce(publication_date, award_date)) AS year_value
    FROM typed
),

-- The department under the code valid in the tender's year (ref.department_year: LNV in 2025 is LVVN).
with_department AS (
    SELECT
        w.* REPLACE (coalesce(dy.department_code, w.department_code) AS department_code),
        dy.problem AS department_problem
    FROM with_year AS w
    LEFT JOIN ref.department_year AS dy ON dy.named_code = w.department_code AND dy.year = w.year_value
)

SELECT
    publication_id_raw                                AS publication_id,
    kenmerk_raw                                       AS kenmerk,
    department_code,
    year_value                                        AS year,
    organisation_raw                                  AS organisation,
    title_raw                                         AS title,
    contract_type,
    procedure_raw                                     AS procedure,
    scope,
    publication_date,
    award_date,
    estimated_value_eur,
    product_group_raw                                 AS product_group,
    mvi_criteria_applied,
    ambition_level,
    themes_applied,
    societal_impact_weight_pct,
    is_category_management,
    rijksinkoopcategorie_raw                          AS rijksinkoopcategorie,
    social_return_applied,
    wage_sum_eur,
    TRY_CAST(duration_months_value AS INTEGER)        AS duration_months,
    isv_applied,
    record_date,
    load_id,
    source_file,
    source_sha256,
    line_no,
    list_filter([
        CASE WHEN publication_id_raw IS NULL THEN
            {'column_name': 'publication_id', 'value_raw': NULL, 'reason': 'TenderNed publication number is missing'} END,
        department_reject(department_raw, department_code, year_value, department_problem),
        CASE
            WHEN contract_type_raw IS NULL THEN
                {'column_name': 'contract_type', 'value_raw': NULL, 'reason': 'type of contract is missing'}
            WHEN contract_type IS NULL THEN
                {'column_name': 'contract_type', 'value_raw': contract_type_raw,
                 'reason': 'type of contract ''' || contract_type_raw || ''' is not leveringen, diensten or werken'}
        END,
        -- Every date's year lies between 2000 and next calendar year (docs/sources/mvi-zet.md, Dates), each date on its own.
        date_reject('publication_date', 'publication date', publication_date_raw, publication_date),
        date_reject('award_date', 'award date', award_date_raw, award_date),
        CASE WHEN publication_date_raw IS NULL AND award_date_raw IS NULL THEN
            {'column_name': 'publication_date', 'value_raw': NULL,
             'reason': 'no publication or award date, so the tender cannot be placed in a year'} END,
        CASE WHEN estimated_value_eur IS NULL AND number_notation(estimated_value_raw) = 'ambiguous' THEN
            {'column_name': 'estimated_value', 'value_raw': estimated_value_raw, 'reason': ambiguous_number_reason(estimated_value_raw)}
             WHEN estimated_value_raw IS NOT NULL AND (estimated_value_eur IS NULL OR estimated_value_eur < 0) THEN
            {'column_name': 'estimated_value', 'value_raw': estimated_value_raw,
             'reason': 'estimated value ''' || estimated_value_raw || ''' is not an amount in euros'} END,
        CASE WHEN mvi_criteria_applied_raw IS NOT NULL AND mvi_criteria_applied IS NULL THEN
            {'column_name': 'mvi_criteria_applied', 'value_raw': mvi_criteria_applied_raw,
             'reason': 'MVI criteria applied ''' || mvi_criteria_applied_raw || ''' is not Ja or Nee'} END,
        CASE WHEN ambition_level_raw IS NOT NULL AND ambition_level IS NULL THEN
            {'column_name': 'ambition_level', 'value_raw': ambition_level_raw,
             'reason': 'ambition level ''' || ambition_level_raw || ''' is not basis, significant or ambitieus'} END,
        CASE WHEN scope_raw IS NOT NULL AND scope IS NULL THEN
            {'column_name': 'scope', 'value_raw': scope_raw,
             'reason': 'national/European ''' || scope_raw || ''' is not nationaal or europees'} END,
        CASE WHEN unknown_instruments IS NOT NULL THEN
            {'column_name': 'themes', 'value_raw': unknown_instruments,
             'reason': 'theme answers ' || unknown_instruments || ' are not minimumeis, gunningscriterium or contractbepaling'} END,
        CASE WHEN societal_impact_weight_pct IS NULL AND number_notation(societal_impact_weight_raw) = 'ambiguous' THEN
            {'column_name': 'societal_impact_weight', 'value_raw': societal_impact_weight_raw,
             'reason': ambiguous_number_reason(societal_impact_weight_raw)}
             WHEN societal_impact_weight_raw IS NOT NULL
                  AND (societal_impact_weight_pct IS NULL OR societal_impact_weight_pct NOT BETWEEN 0 AND 100) THEN
            {'column_name': 'societal_impact_weight', 'value_raw': societal_impact_weight_raw,
             'reason': 'societal-impact weight ''' || societal_impact_weight_raw || ''' is not a percentage 0-100'} END,
        CASE WHEN category_management_raw IS NOT NULL AND is_category_management IS NULL THEN
            {'column_name': 'category_management', 'value_raw': category_management_raw,
             'reason': 'category management ''' || category_management_raw || ''' is not Ja or Nee'} END,
        CASE WHEN social_return_applied_raw IS NOT NULL AND social_return_applied IS NULL THEN
            {'column_name': 'social_return_applied', 'value_raw': social_return_applied_raw,
             'reason': 'social return applied ''' || social_return_applied_raw || ''' is not Ja or Nee'} END,
        CASE WHEN wage_sum_eur IS NULL AND number_notation(wage_sum_raw) = 'ambiguous' THEN
            {'column_name': 'wage_sum', 'value_raw': wage_sum_raw, 'reason': ambiguous_number_reason(wage_sum_raw)}
             WHEN wage_sum_raw IS NOT NULL AND (wage_sum_eur IS NULL OR wage_sum_eur < 0) THEN
            {'column_name': 'wage_sum', 'value_raw': wage_sum_raw,
             'reason': 'wage sum ''' || wage_sum_raw || ''' is not an amount in euros'} END,
        CASE WHEN duration_months_value IS NULL AND number_notation(duration_months_raw) = 'ambiguous' THEN
            {'column_name': 'duration_months', 'value_raw': duration_months_raw, 'reason': ambiguous_number_reason(duration_months_raw)}
             WHEN duration_months_raw IS NOT NULL
                  AND (duration_months_value IS NULL OR duration_months_value < 0 OR duration_months_value <> round(duration_months_value)
                       OR TRY_CAST(duration_months_value AS INTEGER) IS NULL) THEN
            {'column_name': 'duration_months', 'value_raw': duration_months_raw,
             'reason': 'duration ''' || duration_months_raw || ''' is not a whole number of months'} END,
        CASE WHEN isv_applied_raw IS NOT NULL AND isv_applied IS NULL THEN
            {'column_name': 'isv_applied', 'value_raw': isv_applied_raw,
             'reason': 'ISV applied ''' || isv_applied_raw || ''' is not Ja or Nee'} END,
        date_reject('record_date', 'record date', record_date_raw, record_date)
    ], lambda x: x IS NOT NULL) AS rejects
FROM with_department
