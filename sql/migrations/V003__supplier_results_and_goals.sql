-- Supplier-reported results (source 3), their units and metrics, and the 2030 goals catalogue.

CREATE TABLE raw.supplier_result (
    load_id             VARCHAR NOT NULL,
    source_file         VARCHAR NOT NULL,
    source_sha256       VARCHAR NOT NULL,
    line_no             BIGINT NOT NULL,
    contract_id_raw     VARCHAR,
    supplier_name_raw   VARCHAR,
    supplier_kvk_raw    VARCHAR,
    department_raw      VARCHAR,
    period_year_raw     VARCHAR,
    period_start_raw    VARCHAR,
    period_end_raw      VARCHAR,
    metric_raw          VARCHAR,
    value_raw           VARCHAR,
    unit_raw            VARCHAR,
    note_raw            VARCHAR,
    reported_on_raw     VARCHAR
);

-- Every accepted version of every reported value; core.fct_supplier_result keeps the latest per
-- contract x metric x period, core.fct_supplier_result_history all of them.
CREATE TABLE staging.supplier_result (
    contract_id       VARCHAR NOT NULL,
    supplier_name     VARCHAR NOT NULL,
    supplier_kvk      VARCHAR,            -- text: leading zeros are part of the number
    department_code   VARCHAR NOT NULL,
    year              INTEGER NOT NULL,   -- year of the period's end
    period_start      DATE NOT NULL,
    period_end        DATE NOT NULL,
    metric            VARCHAR NOT NULL,
    value_reported    DECIMAL(38, 6) NOT NULL,
    unit_reported     VARCHAR NOT NULL,
    value_base        DECIMAL(38, 6) NOT NULL,  -- value in the metric's base unit
    base_unit         VARCHAR NOT NULL,
    note              VARCHAR,
    reported_on       DATE,
    load_id           VARCHAR NOT NULL,
    source_file       VARCHAR NOT NULL,
    source_sha256     VARCHAR NOT NULL,
    line_no           BIGINT NOT NULL
);

CREATE TABLE ref.result_metric (
    metric          VARCHAR PRIMARY KEY,
    metric_name_nl  VARCHAR NOT NULL,
    quantity        VARCHAR NOT NULL,
    base_unit       VARCHAR NOT NULL,
    source          VARCHAR NOT NULL
);

CREATE TABLE ref.unit (
    unit            VARCHAR NOT NULL,
    quantity        VARCHAR NOT NULL,
    factor_to_base  DECIMAL(38, 12) NOT NULL,
    base_unit       VARCHAR NOT NULL,
    source          VARCHAR NOT NULL
);

-- The 2030 goals (config/targets.yaml, validated by the application before it is written here).
CREATE TABLE ref.goal (
    goal_id                VARCHAR PRIMARY KEY,
    goal_name_nl           VARCHAR NOT NULL,
    goal_name_en           VARCHAR NOT NULL,
    theme_strategy         VARCHAR NOT NULL,   -- theme in Inkopen met Impact
    theme_national_plan    VARCHAR NOT NULL,   -- theme in the National Plan MVI / Manifest MVOI
    metric                 VARCHAR NOT NULL,   -- what is measured, in words
    unit                   VARCHAR NOT NULL,
    direction              VARCHAR NOT NULL,   -- increase or decrease
    aggregation            VARCHAR NOT NULL,   -- sum, cumulative_sum, weighted_share
    numerator_metric       VARCHAR,            -- result metric summed (sum) or the share's numerator
    denominator_metric     VARCHAR,            -- the share's denominator (weighted_share only)
    baseline_year          INTEGER,            -- NULL: the strategy gives no baseline
    baseline_value         DECIMAL(38, 6),
    target_year            INTEGER NOT NULL,
    target_value           DECIMAL(38, 6),     -- absolute target, or NULL when given as a change
    target_change_pct      DECIMAL(9, 3),      -- target as change against the baseline
    applies_to_departments BOOLEAN NOT NULL,   -- false: a government-wide total, not split over departments yet
    source                 VARCHAR NOT NULL,
    catalogue_line         INTEGER NOT NULL    -- line in config/targets.yaml
);

-- Supplier results as they stood on a date: for each contract x metric x period the latest version reported
-- on or before that date. Example: SELECT * FROM results_as_reported_on(DATE '2024-01-31');
CREATE OR REPLACE MACRO results_as_reported_on(as_of) AS TABLE
    SELECT
        r.contract_id, r.supplier_name, r.department_code, r.year, r.period_start, r.period_end, r.metric,
        r.value_base, r.base_unit, r.value_reported, r.unit_reported, r.reported_on,
        r.load_id, r.source_file, r.source_sha256, r.line_no
    FROM staging.supplier_result AS r
    INNER JOIN raw.load AS l USING (load_id)
    WHERE coalesce(r.reported_on, CAST(l.finished_at AS DATE)) <= as_of
    QUALIFY row_number() OVER (
        PARTITION BY r.contract_id, r.metric, r.period_start, r.period_end
        ORDER BY r.reported_on DESC NULLS LAST, l.finished_at DESC, r.line_no DESC
    ) = 1;

-- Reported quantities need more than cents: 0.000754 job per hour. Same rules as V002's parse_amount.
CREATE OR REPLACE MACRO parse_quantity(x) AS CASE
    WHEN clean_number(x) IS NULL OR clean_number(x) = '' THEN NULL
    WHEN regexp_full_match(clean_number(x), '-?\d+') THEN CAST(clean_number(x) AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(\.\d{3})+') THEN CAST(replace(clean_number(x), '.', '') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(,\d{3})+') THEN CAST(replace(clean_number(x), ',', '') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(\.\d{3})+|\d+),\d+')
        THEN CAST(replace(replace(clean_number(x), '.', ''), ',', '.') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(,\d{3})+|\d+)\.\d+') THEN CAST(replace(clean_number(x), ',', '') AS DECIMAL(38, 6))
END;
