-- Goals as the strategy states them (issue 18): a baseline is a measured value with its source; interim goals
-- ("at least 20% zero-emission in 2020") are milestones, targets on the way, never a measurement; a goal may apply
-- to some departments only (Rijkswaterstaat's network and asphalt goals: IenW); qualitative goals are catalogued
-- as not measurable with what is monitored instead; a goal that adds up supplier reports is judged only when
-- enough of the contracts that reported before report again (min_coverage_pct).

ALTER TABLE ref.goal ADD COLUMN baseline_source VARCHAR;          -- where the measured baseline comes from
ALTER TABLE ref.goal ADD COLUMN target_year_assumed BOOLEAN;      -- true: the strategy gives no year, the catalogue assumes one
ALTER TABLE ref.goal ADD COLUMN applies_to VARCHAR[];             -- department codes the goal applies to; NULL: all
ALTER TABLE ref.goal ADD COLUMN measurable BOOLEAN;               -- false: a qualitative goal, not judged by a number
ALTER TABLE ref.goal ADD COLUMN monitored_instead_nl VARCHAR;     -- for a qualitative goal: what is monitored instead
ALTER TABLE ref.goal ADD COLUMN monitored_instead_en VARCHAR;
ALTER TABLE ref.goal ADD COLUMN period_start_year INTEGER;        -- first year a cumulative goal counts (social return: 2015)
ALTER TABLE ref.goal ADD COLUMN min_coverage_pct DECIMAL(9, 3);   -- below this share of expected reports: insufficient_coverage

-- A qualitative goal has no direction, aggregation or metric to add up.
ALTER TABLE ref.goal ALTER COLUMN direction DROP NOT NULL;
ALTER TABLE ref.goal ALTER COLUMN aggregation DROP NOT NULL;
ALTER TABLE ref.goal ALTER COLUMN unit DROP NOT NULL;
ALTER TABLE ref.goal ALTER COLUMN target_year DROP NOT NULL;

-- Interim goals of config/targets.yaml: the trajectory runs through them, but they are targets, not measurements.
CREATE TABLE ref.goal_milestone (
    goal_id     VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    value       DECIMAL(38, 6) NOT NULL,   -- in the goal's unit
    source      VARCHAR NOT NULL,          -- the evaluation's section that states it
    PRIMARY KEY (goal_id, year)
);

-- Numbers in the status reasons of the progress marts: one decimal (none when it is a whole number), with the
-- thousands separator of the language.
CREATE OR REPLACE MACRO reason_number_en(x) AS CASE
    WHEN x IS NULL THEN '–'
    WHEN round(CAST(x AS DOUBLE), 1) = round(CAST(x AS DOUBLE), 0) THEN format('{:,.0f}', round(CAST(x AS DOUBLE), 0))
    ELSE format('{:,.1f}', CAST(x AS DOUBLE))
END;
CREATE OR REPLACE MACRO reason_number_nl(x) AS translate(reason_number_en(x), ',.', '.,');

-- A list of years in a status reason: 2021–2023 when they follow on, else 2015, 2017, 2019.
CREATE OR REPLACE MACRO reason_years(ys) AS CASE
    WHEN ys IS NULL OR len(ys) = 0 THEN NULL
    WHEN len(ys) = 1 THEN CAST(ys[1] AS VARCHAR)
    WHEN list_max(ys) - list_min(ys) + 1 = len(ys) THEN list_min(ys) || '–' || list_max(ys)
    ELSE array_to_string(list_sort(ys), ', ')
END;

-- The bundled sample files (config/reference/sample_files.csv, kept current by a test): a publication that loaded any
-- of them says on every report page and in its manifest that it shows sample data, not real figures.
CREATE TABLE ref.sample_file (
    path        VARCHAR NOT NULL,   -- below samples/
    sha256      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL
);

-- Contracts that must report on a metric (config/reference/reporting_obligations.csv, optional rows): expected from
-- first_year, whether or not they ever reported, so a contract that never reports still lowers the coverage.
CREATE TABLE ref.reporting_obligation (
    contract_id      VARCHAR NOT NULL,
    department_code  VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,   -- a metric of config/reference/result_metrics.csv
    first_year       INTEGER NOT NULL,
    last_year        INTEGER,            -- NULL: still running
    source           VARCHAR NOT NULL    -- where the obligation is agreed, e.g. the contract
);
