-- MVI-ZET tender records (source 2) and the reference data of the input goals I-IV.

-- Amounts as written in Dutch or English files: euro sign and spaces dropped; '1.234.567,89', '1,234,567.89',
-- '87.500' (dots in groups of three are thousands) and '250000' all read. NULL when the text is no amount.
CREATE OR REPLACE MACRO clean_number(x) AS regexp_replace(trim(x), '(€|EUR|\s|\x{00A0})', '', 'g');
CREATE OR REPLACE MACRO parse_amount(x) AS CASE
    WHEN clean_number(x) IS NULL OR clean_number(x) = '' THEN NULL
    WHEN regexp_full_match(clean_number(x), '-?\d+') THEN CAST(clean_number(x) AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(\.\d{3})+') THEN CAST(replace(clean_number(x), '.', '') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(,\d{3})+') THEN CAST(replace(clean_number(x), ',', '') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(\.\d{3})+|\d+),\d+')
        THEN CAST(replace(replace(clean_number(x), '.', ''), ',', '.') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(,\d{3})+|\d+)\.\d+') THEN CAST(replace(clean_number(x), ',', '') AS DECIMAL(18, 2))
END;

-- Dates as Dutch (31-12-2023, 31/12/2023, 31.12.2023) or ISO (2023-12-31) text; NULL when no valid date.
CREATE OR REPLACE MACRO parse_date(x) AS CAST(coalesce(
    try_strptime(trim(x), '%Y-%m-%d'),
    try_strptime(trim(x), '%d-%m-%Y'),
    try_strptime(trim(x), '%d/%m/%Y'),
    try_strptime(trim(x), '%d.%m.%Y')) AS DATE);

CREATE TABLE raw.tender (
    load_id                     VARCHAR NOT NULL,
    source_file                 VARCHAR NOT NULL,
    source_sha256               VARCHAR NOT NULL,
    line_no                     BIGINT NOT NULL,
    publication_id_raw          VARCHAR,
    kenmerk_raw                 VARCHAR,
    department_raw              VARCHAR,
    organisation_raw            VARCHAR,
    title_raw                   VARCHAR,
    contract_type_raw           VARCHAR,
    procedure_raw               VARCHAR,
    scope_raw                   VARCHAR,
    publication_date_raw        VARCHAR,
    award_date_raw              VARCHAR,
    estimated_value_raw         VARCHAR,
    product_group_raw           VARCHAR,
    mvi_criteria_applied_raw    VARCHAR,
    ambition_level_raw          VARCHAR,
    theme_climate_raw           VARCHAR,
    theme_circular_raw          VARCHAR,
    theme_social_raw            VARCHAR,
    theme_isv_raw               VARCHAR,
    theme_environment_raw       VARCHAR,
    theme_diversity_raw         VARCHAR,
    societal_impact_weight_raw  VARCHAR,
    category_management_raw     VARCHAR,
    rijksinkoopcategorie_raw    VARCHAR,
    social_return_applied_raw   VARCHAR,
    wage_sum_raw                VARCHAR,
    duration_months_raw         VARCHAR,
    isv_applied_raw             VARCHAR,
    record_date_raw             VARCHAR
);

-- Every accepted version of every tender record; core.fct_tender keeps the latest per publication id.
CREATE TABLE staging.tender_record (
    publication_id              VARCHAR NOT NULL,   -- TenderNed publication number
    kenmerk                     VARCHAR,
    department_code             VARCHAR NOT NULL,
    year                        INTEGER NOT NULL,   -- of the publication date, else of the award date
    organisation                VARCHAR,
    title                       VARCHAR,
    contract_type               VARCHAR NOT NULL,   -- supplies, services, works
    procedure                   VARCHAR,
    scope                       VARCHAR,            -- national, european
    publication_date            DATE,
    award_date                  DATE,
    estimated_value_eur         DECIMAL(18, 2),
    product_group               VARCHAR,            -- MVI criteria tool product group as written
    mvi_criteria_applied        BOOLEAN,
    ambition_level              VARCHAR,            -- none, basic, significant, ambitious
    themes_applied              STRUCT(theme VARCHAR, instrument VARCHAR)[],
    societal_impact_weight_pct  DECIMAL(5, 2),
    is_category_management      BOOLEAN,
    rijksinkoopcategorie        VARCHAR,
    social_return_applied       BOOLEAN,
    wage_sum_eur                DECIMAL(18, 2),
    duration_months             INTEGER,
    isv_applied                 BOOLEAN,
    record_date                 DATE,               -- when the record was last changed in MVI-ZET
    load_id                     VARCHAR NOT NULL,
    source_file                 VARCHAR NOT NULL,
    source_sha256               VARCHAR NOT NULL,
    line_no                     BIGINT NOT NULL
);

CREATE TABLE ref.value_alias (
    domain  VARCHAR NOT NULL,   -- yes_no, contract_type, ambition_level, scope, theme_instrument
    alias   VARCHAR NOT NULL,
    value   VARCHAR NOT NULL,
    source  VARCHAR NOT NULL
);

CREATE TABLE ref.mvi_product_group (
    product_group      VARCHAR NOT NULL,
    cluster            VARCHAR NOT NULL,
    relevant_for_rijk  BOOLEAN NOT NULL,
    source             VARCHAR NOT NULL
);

CREATE TABLE ref.eu_threshold (
    valid_from             DATE NOT NULL,
    valid_to               DATE NOT NULL,
    supplies_services_eur  BIGINT NOT NULL,
    works_eur              BIGINT NOT NULL,
    is_provisional         BOOLEAN NOT NULL,
    source                 VARCHAR NOT NULL
);

CREATE TABLE ref.isv_risk_category (
    rijksinkoopcategorie  VARCHAR NOT NULL,
    source                VARCHAR NOT NULL
);

CREATE TABLE ref.input_goal (
    goal_id            VARCHAR PRIMARY KEY,
    goal_name_nl       VARCHAR NOT NULL,
    goal_name_en       VARCHAR NOT NULL,
    theme_strategy     VARCHAR NOT NULL,
    metric             VARCHAR NOT NULL,
    target_share_pct   DECIMAL(5, 2),     -- NULL: reported for context, no target
    source             VARCHAR NOT NULL
);

CREATE TABLE ref.input_goal_parameter (
    parameter  VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    unit       VARCHAR NOT NULL,
    source     VARCHAR NOT NULL
);
