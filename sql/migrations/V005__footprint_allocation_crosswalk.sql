-- Spend-based footprint, the split of government-wide goals over departments, and the theme crosswalk
-- (evaluation 8.2.6; DOMAIN.md "High-impact product groups" and Table 3).

-- Which of the eight high-impact product groups (Figure 3) a cost category belongs to, if any.
ALTER TABLE ref.cost_category ADD COLUMN high_impact_product_group VARCHAR;

-- Emission and material intensity per impact segment, each with where it comes from.
CREATE TABLE ref.impact_factor (
    impact_segment        VARCHAR PRIMARY KEY,
    co2_kg_per_eur        DECIMAL(12, 6) NOT NULL,
    material_kg_per_eur   DECIMAL(12, 6) NOT NULL,
    factor_group          VARCHAR NOT NULL,
    reference_year        INTEGER NOT NULL,
    price_basis           VARCHAR NOT NULL,
    source                VARCHAR NOT NULL,
    derivation            VARCHAR NOT NULL
);

CREATE TABLE ref.theme_crosswalk (
    theme_strategy        VARCHAR NOT NULL,   -- Inkopen met Impact
    theme_national_plan   VARCHAR,            -- National Plan MVI; NULL: no counterpart
    relation              VARCHAR NOT NULL,   -- same, partial, none
    note                  VARCHAR NOT NULL
);

-- How a government-wide goal is split over departments (config/targets.yaml, key allocation).
ALTER TABLE ref.goal ADD COLUMN allocation_basis VARCHAR;        -- co2_footprint, material_footprint, spend; NULL: not split
ALTER TABLE ref.goal ADD COLUMN allocation_segments VARCHAR[];   -- impact segments the goal concerns; empty: all
ALTER TABLE ref.goal ADD COLUMN allocation_decimals INTEGER;     -- precision of the departments' targets
