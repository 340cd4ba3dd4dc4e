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
