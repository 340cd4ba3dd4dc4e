-- Issue 21: what is published is SQL (sql/marts/rpt_*.sql), the names of codes are reference data, and model names
-- say what a model is. Three parts.

-- 1. Names of codes in Dutch and English, read by the report and (themes) by the targets catalogue, loaded each
--    run from config/reference/themes.csv, impact_segments.csv and spend_classes.csv.
CREATE TABLE ref.theme (
    theme_set       VARCHAR NOT NULL,   -- strategy (Inkopen met Impact) or national_plan (National Plan MVI)
    theme_code      VARCHAR NOT NULL,
    heading_order   INTEGER,            -- order of the report's theme headings; NULL: no heading of its own
    in_catalogue    BOOLEAN NOT NULL,   -- config/targets.yaml may name it
    label_nl        VARCHAR NOT NULL,
    label_en        VARCHAR NOT NULL,
    note            VARCHAR
);

CREATE TABLE ref.impact_segment (
    impact_segment  VARCHAR NOT NULL,   -- segment of the evaluation's Figure 1, as in cost_categories.csv
    display_order   INTEGER NOT NULL,
    label_nl        VARCHAR NOT NULL,
    label_en        VARCHAR NOT NULL
);

CREATE TABLE ref.spend_class (
    spend_class          VARCHAR NOT NULL,   -- generic, specific, unclassified, total
    display_order        INTEGER NOT NULL,
    label_nl             VARCHAR NOT NULL,   -- column heading of the report's spend table
    label_en             VARCHAR NOT NULL,
    procurement_name_nl  VARCHAR NOT NULL,   -- goal_name_nl of the spend rows of marts.rpt_department_progress
    procurement_name_en  VARCHAR NOT NULL
);

-- 2. Model names (dbt's conventions): core models that aggregate or derive rather than record events are
--    intermediate (int_), the two progress marts say what they hold, and booleans read as is_/has_. The old names stay
--    for one release as views over the new ones (docs/analysts.md, "Renamed in V018"), with the old column names.
--    A view is bound when it is created, so each new table gets a placeholder holding the columns its views name; the
--    model build replaces it (a placeholder has no partition columns, so a partition rerun rebuilds it whole).
DROP TABLE IF EXISTS core.fct_spend_category_year;
DROP TABLE IF EXISTS core.fct_footprint_category_year;
DROP TABLE IF EXISTS core.fct_segment_intensity;
DROP TABLE IF EXISTS core.fct_goal_allocation_formula;
DROP TABLE IF EXISTS core.fct_goal_allocation;
DROP TABLE IF EXISTS marts.progress_department_year;
DROP TABLE IF EXISTS marts.department_progress;

CREATE TABLE IF NOT EXISTS core.int_spend_category_year (is_spend_max_unbounded BOOLEAN);
CREATE TABLE IF NOT EXISTS core.int_footprint_category_year (placeholder INTEGER);
CREATE TABLE IF NOT EXISTS core.int_segment_intensity (placeholder INTEGER);
CREATE TABLE IF NOT EXISTS core.int_goal_allocation_formula (placeholder INTEGER);
CREATE TABLE IF NOT EXISTS core.int_goal_allocation (placeholder INTEGER);
CREATE TABLE IF NOT EXISTS marts.effect_goal_department_year (is_target_year_assumed BOOLEAN);
CREATE TABLE IF NOT EXISTS marts.rpt_department_progress (placeholder INTEGER);

-- deprecated: core.int_spend_category_year (spend_max_is_unbounded is now is_spend_max_unbounded)
CREATE VIEW core.fct_spend_category_year AS
SELECT * RENAME (is_spend_max_unbounded AS spend_max_is_unbounded) FROM core.int_spend_category_year;
-- deprecated: core.int_footprint_category_year
CREATE VIEW core.fct_footprint_category_year AS SELECT * FROM core.int_footprint_category_year;
-- deprecated: core.int_segment_intensity
CREATE VIEW core.fct_segment_intensity AS SELECT * FROM core.int_segment_intensity;
-- deprecated: core.int_goal_allocation_formula
CREATE VIEW core.fct_goal_allocation_formula AS SELECT * FROM core.int_goal_allocation_formula;
-- deprecated: core.int_goal_allocation
CREATE VIEW core.fct_goal_allocation AS SELECT * FROM core.int_goal_allocation;
-- deprecated: marts.effect_goal_department_year (target_year_assumed is now is_target_year_assumed)
CREATE VIEW marts.progress_department_year AS
SELECT * RENAME (is_target_year_assumed AS target_year_assumed) FROM marts.effect_goal_department_year;
-- deprecated: marts.rpt_department_progress
CREATE VIEW marts.department_progress AS SELECT * FROM marts.rpt_department_progress;
