-- Footprint calibrated on the evaluation's Figure 1, a price index to bring spend to the factors' price year,
-- factor uncertainty, the strategy's scope per segment, and the allocation register (config/allocations.yaml) in
-- which the ministries record the agreed split of government-wide goals (evaluation 8.2.6).

ALTER TABLE ref.impact_factor ADD COLUMN figure1_co2_kt DECIMAL(12, 3);        -- Figure 1's kt CO2-eq for the segment; NULL: not in Figure 1
ALTER TABLE ref.impact_factor ADD COLUMN figure1_material_kt DECIMAL(12, 3);   -- Figure 1's kt material
ALTER TABLE ref.impact_factor ADD COLUMN price_year INTEGER;                   -- euros of this year are what the intensities are per
ALTER TABLE ref.impact_factor ADD COLUMN uncertainty_low_pct DECIMAL(9, 3);    -- the intensity may be this % lower
ALTER TABLE ref.impact_factor ADD COLUMN uncertainty_high_pct DECIMAL(9, 3);   -- ... or this % higher
ALTER TABLE ref.impact_factor ADD COLUMN in_strategy_scope BOOLEAN;            -- false: outside Inkopen met Impact (Defence specific)

CREATE TABLE ref.price_index (
    year          INTEGER PRIMARY KEY,
    index_value   DECIMAL(12, 3) NOT NULL,
    series        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    retrieved_on  DATE NOT NULL,
    note          VARCHAR
);

-- One department's part of a government-wide goal for a period, as config/allocations.yaml records it.
CREATE TABLE ref.goal_allocation_part (
    goal_id          VARCHAR NOT NULL,
    period_from      INTEGER NOT NULL,
    period_to        INTEGER NOT NULL,
    status           VARCHAR NOT NULL,         -- proposal or adopted
    adopted_on       DATE,                     -- adopted only
    adopted_by       VARCHAR,                  -- e.g. ICBR
    basis            VARCHAR NOT NULL,         -- how the parts were arrived at, in words
    part_kind        VARCHAR NOT NULL,         -- absolute (goal unit) or share (%)
    department_code  VARCHAR NOT NULL,
    part_value       DECIMAL(38, 6) NOT NULL,
    register_line    INTEGER NOT NULL          -- line of the part in config/allocations.yaml
);
