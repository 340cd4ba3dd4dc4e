-- unique_key: department_code, year, goal_id
-- Progress on every goal of config/targets.yaml per department x year, and for the whole government as
-- department_code 'RIJK': the actual value from supplier results, the baseline (only a measured one), the target,
-- the trajectory for that year, the gaps, how many of the contracts expected to report did, and a status with its
-- reason in Dutch and English (docs/goals.md). The trajectory runs in straight lines through the measured baseline
-- (if any), the milestones (interim goals, ref.goal_milestone) and the target; before its first point there is none.
-- A cumulative goal starts at 0 at the end of the year before its period_start. Statuses, decided in this order:
--   not_measurable        a qualitative goal (measurable: false): what is monitored instead is in the reason
--   not_applicable        the goal concerns other departments only (applies_to)
--   not_allocated         a government-wide total on a department row that is not split over departments
--   no_data               no supplier result for the goal's metric in the department-year (never counted as 0)
--   allocation_not_adopted a department's part of a split government-wide goal that is a proposal or only computed
--                         (config/allocations.yaml has no adopted part for the year): shown as indicative, no verdict
--   insufficient_coverage fewer than min_coverage_pct of the contracts that reported earlier reported this year
--   no_baseline           a relative target (change_pct) without a measured baseline: the target value is unknown
--   insufficient_data     a cumulative goal with years of its period missing (named in the reason)
--   period_ended_met      the row's year is the target year or later and the target is met
--   period_ended_missed   ... and it is not
--   achieved              the actual meets the final target before the target year
--   on_track / off_track  it meets / misses the trajectory value for its year
--   below_target          an absolute target not met, and no trajectory for the year: the gap is in the reason
-- Shares are recomputed from summed numerators and denominators; quantities are summed; RIJK likewise.
--
-- column allocation_share_pct (%): the department's share of a split government-wide goal; NULL otherwise.
-- column allocation_status (-): for a department's part of a split goal: adopted, proposal or computed (core.int_goal_allocation); NULL otherwise.
-- column allocation_basis_text (-): how the department's part was arrived at, in words; NULL when the goal is not split.
-- column allocation_adopted_on (-): date the department's part was adopted; NULL unless adopted.
-- column allocation_adopted_by (-): who adopted it (e.g. ICBR); NULL unless adopted.
-- column status (-): Goal status as listed above (docs/goals.md has the table), decided in that order.
-- column status_reason_nl (-): The status as a Dutch sentence with the figures behind it, such as 85,6% van doel 100% in 2030: 14,4 procentpunt te kort; geen nulmeting, dus geen traject.
-- column status_reason_en (-): The same sentence in English.
-- column gap_to_trajectory (goal unit): actual_value minus trajectory_value, so positive means above the trajectory (ahead for an increase goal, behind for a decrease goal); NULL when either is NULL.
-- column gap_to_target (goal unit): actual_value minus target_value, positive meaning above the target; NULL when either is NULL.
-- column numerator_value (metric base unit): Sum of the current supplier results for the goal's numerator metric in the department-year (all departments for RIJK), in that metric's base unit; NULL when none were reported.
-- column denominator_value (metric base unit): Sum of the current supplier results for the goal's denominator metric (weighted_share goals only), in that metric's base unit; NULL for other goals or when none were reported.
-- column result_count (count): Number of current supplier results for the goal's numerator metric behind actual_value; 0 when none.
-- column reporting_contracts (contracts): Contracts with a current supplier result for the goal's numerator metric in the department-year; 0 when none.
-- column reporting_suppliers (suppliers): Suppliers (by KvK number, else name) behind reporting_contracts; 0 when none.
-- column expected_contracts (contracts): Contracts expected to report the goal's numerator metric for the department: those that reported it in an earlier year of the goal's period (from period_start when given) and those with a reporting obligation for the year in config/reference/reporting_obligations.csv; 0 when none.
-- column expected_reporting_contracts (contracts): How many of expected_contracts reported in the row's year.
-- column coverage_pct (%): 100 x expected_reporting_contracts / expected_contracts, rounded to 1 decimal; NULL when no contract was expected; below min_coverage_pct the status is insufficient_coverage.
-- column min_coverage_pct (%): Coverage threshold of the goal (config/targets.yaml, default 90).
-- column years_with_data (-): For a cumulative goal, the years of its period up to the row's year that have data and are added up, such as 2021–2023; NULL for other goals.
-- column years_missing (-): For a cumulative goal, the years of its period up to the row's year without data, such as 2015–2020; NULL when none are missing or for other goals.
-- column is_target_year_assumed (-): True when the strategy gives no year for the goal and the catalogue assumes target_year.
-- column source (-): Where the goal and its target come from, as config/targets.yaml gives it: a section of the 2024 evaluation, such as its Table 2 in section 4.3.
WITH milestone_text AS (
    SELECT
        m.goal_id,
        string_agg(m.year || ': ' || reason_number_nl(m.value) || CASE WHEN g.unit = '%' THEN '%' ELSE ' ' || g.unit END, ', ' ORDER BY m.year) AS milestones_nl,
        string_agg(m.year || ': ' || reason_number_en(m.value) || CASE WHEN g.unit = '%' THEN '%' ELSE ' ' || g.unit END, ', ' ORDER BY m.year) AS milestones_en
    FROM ref.goal_milestone AS m
    INNER JOIN ref.goal AS g USING (goal_id)
    GROUP BY ALL
),

goals AS (
    SELECT
        g.goal_id, g.goal_name_nl, g.goal_name_en, g.theme_strategy, g.theme_national_plan, g.metric, g.unit, g.direction,
        g.aggregation, g.numerator_metric, g.denominator_metric, g.baseline_year, g.baseline_value, g.target_year,
        coalesce(g.target_value, g.baseline_value * (1 + g.target_change_pct / 100)) AS target_value_resolved,
        g.target_change_pct, g.applies_to_departments, g.source, coalesce(g.measurable, true) AS measurable, g.applies_to,
        coalesce(g.target_year_assumed, false) AS is_target_year_assumed, g.monitored_instead_nl, g.monitored_instead_en,
        g.period_start_year, coalesce(g.min_coverage_pct, 90) AS min_coverage_pct, mt.milestones_nl, mt.milestones_en
    FROM ref.goal AS g
    LEFT JOIN milestone_text AS mt USING (goal_id)
),

-- the points the trajectory runs through, in the goal's (government-wide) unit
points AS (
    SELECT goal_id, baseline_year AS point_year, 'baseline' AS point_kind, baseline_value AS point_value
    FROM goals WHERE baseline_year IS NOT NULL
    UNION ALL
    SELECT goal_id, period_start_year - 1, 'period_start', 0
    FROM goals WHERE aggregation = 'cumulative_sum' AND period_start_year IS NOT NULL AND baseline_year IS NULL
    UNION ALL
    SELECT goal_id, year, 'milestone', value FROM ref.goal_milestone
    UNION ALL
    SELECT goal_id, target_year, 'target', target_value_resolved FROM goals WHERE measurable AND target_year IS NOT NULL
),

segments AS (
    SELECT
        goal_id,
        point_year                                                             AS from_year,
        point_kind                                                             AS from_kind,
        point_value                                                            AS from_value,
        lead(point_year) OVER (PARTITION BY goal_id ORDER BY point_year)       AS to_year,
        lead(point_kind) OVER (PARTITION BY goal_id ORDER BY point_year)       AS to_kind,
        lead(point_value) OVER (PARTITION BY goal_id ORDER BY point_year)      AS to_value
    FROM points
),

metric_values AS (
    SELECT
        department_code,
        year,
        metric,
        sum(value_base)   AS value_sum,
        avg(value_base)   AS value_mean,
        count(*)          AS value_count
    FROM core.fct_supplier_result
    GROUP BY ALL
),

department_years AS (
    SELECT department_code, year FROM marts.source_coverage
),

all_department_years AS (
    SELECT department_code, year FROM department_years
    UNION
    SELECT 'RIJK', year FROM department_years
),

-- which contracts reported a goal's numerator metric, per department (and for RIJK across departments)
goal_reports AS (
    SELECT DISTINCT r.department_code, r.year, g.goal_id, r.contract_id, coalesce(r.supplier_kvk, r.supplier_name) AS supplier_key
    FROM core.fct_supplier_result AS r
    INNER JOIN goals AS g ON g.numerator_metric = r.metric
    UNION
    SELECT DISTINCT 'RIJK', r.year, g.goal_id, r.contract_id, coalesce(r.supplier_kvk, r.supplier_name)
    FROM core.fct_supplier_result AS r
    INNER JOIN goals AS g ON g.numerator_metric = r.metric
),

reporting AS (
    SELECT
        department_code, year, goal_id,
        count(DISTINCT contract_id)  AS reporting_contracts,
        count(DISTINCT supplier_key) AS reporting_suppliers
    FROM goal_reports
    GROUP BY ALL
),

-- contracts that reported in an earlier year of the goal's period are expected to report again, and so are those
-- with a reporting obligation (config/reference/reporting_obligations.csv): a total that falls because fewer of them
-- reported is silence, not progress
expected_list AS (
    SELECT DISTINCT dy.department_code, dy.year, e.goal_id, e.contract_id
    FROM all_department_years AS dy
    INNER JOIN goal_reports AS e ON e.department_code = dy.department_code AND e.year < dy.year
    INNER JOIN goals AS g ON g.goal_id = e.goal_id AND e.year >= coalesce(g.period_start_year, e.year)
    UNION
    SELECT dy.department_code, dy.year, g.goal_id, o.contract_id
    FROM ref.reporting_obligation AS o
    INNER JOIN goals AS g ON g.numerator_metric = o.metric
    INNER JOIN all_department_years AS dy
        ON dy.department_code IN (o.department_code, 'RIJK') AND dy.year BETWEEN o.first_year AND coalesce(o.last_year, dy.year)
),

expected AS (
    SELECT
        x.department_code,
        x.year,
        x.goal_id,
        count(DISTINCT x.contract_id)                                              AS expected_contracts,
        count(DISTINCT CASE WHEN c.contract_id IS NOT NULL THEN x.contract_id END) AS expected_reporting_contracts
    FROM expected_list AS x
    LEFT JOIN goal_reports AS c
        ON c.department_code = x.department_code AND c.year = x.year AND c.goal_id = x.goal_id AND c.contract_id = x.contract_id
    GROUP BY ALL
),

department_values AS (
    SELECT
        dy.department_code,
        dy.year,
        g.goal_id,
        n.value_sum      AS numerator_sum,
        n.value_mean     AS numerator_mean,
        n.value_count    AS numerator_count,
        d.value_sum      AS denominator_sum
    FROM department_years AS dy
    CROSS JOIN goals AS g
    LEFT JOIN metric_values AS n
        ON n.department_code = dy.department_code AND n.year = dy.year AND n.metric = g.numerator_metric
    LEFT JOIN metric_values AS d
        ON d.department_code = dy.department_code AND d.year = dy.year AND d.metric = g.denominator_metric
),

rijk_values AS (
    SELECT
        'RIJK'                                                             AS department_code,
        year,
        goal_id,
        sum(numerator_sum)                                                 AS numerator_sum,
        sum(numerator_mean * numerator_count) / nullif(sum(numerator_count), 0) AS numerator_mean,
        CAST(sum(numerator_count) AS BIGINT)                               AS numerator_count,
        sum(denominator_sum)                                               AS denominator_sum
    FROM department_values
    GROUP BY ALL
),

all_values AS (
    SELECT * FROM department_values
    UNION ALL BY NAME
    SELECT * FROM rijk_values
),

allocations AS (
    SELECT department_code, year, goal_id, allocated_baseline_value, allocated_target_value, share_pct,
           allocation_status, allocation_basis_text, adopted_on, adopted_by
    FROM core.int_goal_allocation
),

actuals AS (
    SELECT
        v.department_code,
        v.year,
        g.* EXCLUDE (baseline_value, target_value_resolved),
        -- a department's part of a government-wide goal, where the goal is split (core.int_goal_allocation)
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments
             THEN a.allocated_baseline_value ELSE g.baseline_value END           AS baseline_value,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments
             THEN a.allocated_target_value ELSE g.target_value_resolved END      AS target_value_resolved,
        -- milestones of a split goal scale with the department's share, like baseline and target
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments
             THEN a.share_pct / 100 ELSE 1 END                                   AS milestone_scale,
        a.share_pct                                                              AS allocation_share_pct,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments THEN a.allocation_status END AS allocation_status,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments THEN a.allocation_basis_text END AS allocation_basis_text,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments THEN a.adopted_on END AS allocation_adopted_on,
        CASE WHEN v.department_code <> 'RIJK' AND NOT g.applies_to_departments THEN a.adopted_by END AS allocation_adopted_by,
        v.numerator_sum,
        v.denominator_sum,
        v.numerator_count,
        CASE g.aggregation
            WHEN 'sum' THEN v.numerator_sum
            WHEN 'mean' THEN v.numerator_mean
            WHEN 'weighted_share' THEN CASE WHEN v.denominator_sum > 0 THEN 100 * v.numerator_sum / v.denominator_sum END
            -- only years with data are added up; a year without data is missing, never zero
            WHEN 'cumulative_sum' THEN CASE WHEN v.numerator_sum IS NOT NULL AND v.year >= g.period_start_year THEN
                sum(CASE WHEN v.year BETWEEN g.period_start_year AND g.target_year THEN v.numerator_sum END)
                    OVER (PARTITION BY v.department_code, g.goal_id ORDER BY v.year ROWS UNBOUNDED PRECEDING)
            END
        END AS actual_value,
        CASE WHEN g.aggregation = 'cumulative_sum' THEN
            list(CASE WHEN v.numerator_sum IS NOT NULL AND v.year BETWEEN g.period_start_year AND g.target_year THEN v.year END)
                OVER (PARTITION BY v.department_code, g.goal_id ORDER BY v.year ROWS UNBOUNDED PRECEDING)
        END AS data_years_raw,
        v.department_code <> 'RIJK' AND NOT g.applies_to_departments AND a.allocated_target_value IS NULL
            AND g.target_value_resolved IS NOT NULL                               AS is_government_wide_only,
        v.department_code <> 'RIJK' AND g.applies_to IS NOT NULL
            AND NOT list_contains(g.applies_to, v.department_code)               AS is_not_applicable
    FROM all_values AS v
    INNER JOIN goals AS g USING (goal_id)
    LEFT JOIN allocations AS a USING (department_code, year, goal_id)
),

positioned AS (
    SELECT
        a.*,
        s.from_year,
        s.to_year,
        -- a point's value on this row: the department's part for a split goal, the goal's own value otherwise
        CASE s.from_kind WHEN 'baseline' THEN a.baseline_value WHEN 'target' THEN a.target_value_resolved
             WHEN 'milestone' THEN s.from_value * a.milestone_scale ELSE s.from_value END AS from_point,
        CASE s.to_kind WHEN 'baseline' THEN a.baseline_value WHEN 'target' THEN a.target_value_resolved
             WHEN 'milestone' THEN s.to_value * a.milestone_scale ELSE s.to_value END     AS to_point
    FROM actuals AS a
    LEFT JOIN segments AS s
        ON s.goal_id = a.goal_id AND a.year >= s.from_year AND (s.to_year IS NULL OR a.year < s.to_year)
),

judged AS (
    SELECT
        p.*,
        CASE
            WHEN p.is_government_wide_only OR p.is_not_applicable OR NOT p.measurable THEN NULL
            WHEN p.to_year IS NULL THEN p.from_point
            ELSE p.from_point + (p.to_point - p.from_point) * (p.year - p.from_year) / (p.to_year - p.from_year)
        END AS trajectory_value,
        CASE WHEN p.is_government_wide_only THEN NULL ELSE p.target_value_resolved END AS target_value_shown,
        list_filter(p.data_years_raw, lambda y: y IS NOT NULL) AS data_years,
        CASE WHEN p.aggregation = 'cumulative_sum' AND p.year >= p.period_start_year THEN
            list_filter(range(p.period_start_year, least(p.year, p.target_year) + 1),
                        lambda y: NOT list_contains(list_filter(p.data_years_raw, lambda d: d IS NOT NULL), y))
        END AS missing_years,
        coalesce(r.reporting_contracts, 0)          AS reporting_contracts,
        coalesce(r.reporting_suppliers, 0)          AS reporting_suppliers,
        coalesce(e.expected_contracts, 0)           AS expected_contracts,
        coalesce(e.expected_reporting_contracts, 0) AS expected_reporting_contracts,
        round(100 * e.expected_reporting_contracts / nullif(e.expected_contracts, 0), 1) AS coverage_pct
    FROM positioned AS p
    LEFT JOIN reporting AS r ON r.department_code = p.department_code AND r.year = p.year AND r.goal_id = p.goal_id
    LEFT JOIN expected AS e ON e.department_code = p.department_code AND e.year = p.year AND e.goal_id = p.goal_id
),

statused AS (
    SELECT
        *,
        CASE
            WHEN NOT measurable THEN 'not_measurable'
            WHEN is_not_applicable THEN 'not_applicable'
            WHEN is_government_wide_only THEN CASE WHEN actual_value IS NULL THEN 'no_data' ELSE 'not_allocated' END
            WHEN actual_value IS NULL THEN 'no_data'
            WHEN allocation_status IN ('proposal', 'computed') THEN 'allocation_not_adopted'
            WHEN coverage_pct < min_coverage_pct THEN 'insufficient_coverage'
            WHEN target_value_resolved IS NULL THEN 'no_baseline'
            WHEN len(missing_years) > 0 THEN 'insufficient_data'
            WHEN year >= target_year THEN CASE WHEN meets_target THEN 'period_ended_met' ELSE 'period_ended_missed' END
            WHEN meets_target THEN 'achieved'
            WHEN trajectory_value IS NOT NULL THEN CASE
                WHEN (direction = 'increase' AND actual_value >= trajectory_value)
                  OR (direction = 'decrease' AND actual_value <= trajectory_value) THEN 'on_track'
                ELSE 'off_track' END
            ELSE 'below_target'
        END AS status
    FROM (
        SELECT
            *,
            (direction = 'increase' AND actual_value >= target_value_resolved)
                OR (direction = 'decrease' AND actual_value <= target_value_resolved) AS meets_target
        FROM judged
    )
),

-- the pieces of the reason sentences, in each language's number format
worded AS (
    SELECT
        *,
        reason_number_nl(actual_value) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END           AS actual_nl,
        reason_number_en(actual_value) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END           AS actual_en,
        reason_number_nl(trajectory_value) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END       AS trajectory_nl,
        reason_number_en(trajectory_value) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END       AS trajectory_en,
        'doel ' || reason_number_nl(target_value_shown) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END
            || ' in ' || target_year || CASE WHEN is_target_year_assumed THEN ' (jaar aangenomen)' ELSE '' END
            || CASE WHEN department_code <> 'RIJK' AND NOT applies_to_departments THEN ' (eigen deel van het rijksdoel)' ELSE '' END AS target_nl,
        'target ' || reason_number_en(target_value_shown) || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END
            || ' in ' || target_year || CASE WHEN is_target_year_assumed THEN ' (year assumed)' ELSE '' END
            || CASE WHEN department_code <> 'RIJK' AND NOT applies_to_departments THEN ' (own part of the government-wide target)' ELSE '' END AS target_en,
        reason_number_nl(abs(actual_value - target_value_shown)) || CASE WHEN unit = '%' THEN ' procentpunt' ELSE ' ' || unit END AS target_gap_nl,
        reason_number_en(abs(actual_value - target_value_shown)) || CASE WHEN unit = '%' THEN ' percentage points' ELSE ' ' || unit END AS target_gap_en,
        reason_number_nl(abs(actual_value - trajectory_value)) || CASE WHEN unit = '%' THEN ' procentpunt' ELSE ' ' || unit END AS trajectory_gap_nl,
        reason_number_en(abs(actual_value - trajectory_value)) || CASE WHEN unit = '%' THEN ' percentage points' ELSE ' ' || unit END AS trajectory_gap_en,
        CASE direction WHEN 'decrease' THEN 'te hoog' ELSE 'te kort' END                                AS short_nl,
        CASE direction WHEN 'decrease' THEN 'too high' ELSE 'short' END                                 AS short_en,
        CASE WHEN milestones_nl IS NOT NULL THEN ' (traject door tussendoel ' || milestones_nl || ')' ELSE '' END AS via_nl,
        CASE WHEN milestones_en IS NOT NULL THEN ' (trajectory through interim goal ' || milestones_en || ')' ELSE '' END AS via_en,
        CASE WHEN baseline_year IS NULL AND milestones_nl IS NULL THEN 'geen nulmeting, dus geen traject'
             ELSE 'geen nulmeting of tussendoel vóór ' || year || ', dus geen traject' END               AS no_trajectory_nl,
        CASE WHEN baseline_year IS NULL AND milestones_en IS NULL THEN 'no baseline, so no trajectory'
             ELSE 'no baseline or interim goal before ' || year || ', so no trajectory' END             AS no_trajectory_en
    FROM statused
),

reasoned AS (
    SELECT
        *,
        CASE status
            WHEN 'not_measurable' THEN 'geen meetbaar doel; gevolgd wordt: ' || monitored_instead_nl
            WHEN 'not_applicable' THEN 'doel geldt alleen voor ' || array_to_string(applies_to, ', ')
            WHEN 'not_allocated' THEN actual_nl || '; rijksbreed doel dat niet over departementen is verdeeld: alleen het Rijk als geheel wordt beoordeeld'
            WHEN 'no_data' THEN 'geen leveranciersresultaat voor ' || year || '; een ontbrekend jaar telt niet als nul'
            WHEN 'allocation_not_adopted' THEN actual_nl || '; indicatief deel ' || coalesce(reason_number_nl(target_value_shown)
                || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END, 'onbekend') || ' in ' || target_year
                || CASE allocation_status WHEN 'proposal' THEN ' (voorstel, niet vastgesteld)' ELSE ' (berekend, niet vastgesteld)' END
                || ': geen oordeel op of achter koers tot de verdeling is vastgesteld'
            WHEN 'insufficient_coverage' THEN expected_reporting_contracts || ' van de ' || expected_contracts
                || ' contracten die eerder rapporteerden, rapporteerden voor ' || year || ' (' || reason_number_nl(coverage_pct)
                || '%, drempel ' || reason_number_nl(min_coverage_pct) || '%); een lager totaal kan door ontbrekende rapportages komen, dus geen oordeel'
                || CASE WHEN len(missing_years) > 0 THEN '; bovendien zonder gegevens: ' || reason_years(missing_years) ELSE '' END
            WHEN 'no_baseline' THEN actual_nl || '; doel ' || reason_number_nl(target_change_pct) || '% ten opzichte van een nulmeting die ontbreekt, dus geen doelwaarde en geen traject'
            WHEN 'insufficient_data' THEN coalesce('opgeteld over ' || reason_years(data_years) || ': ' || actual_nl || '; ', '')
                || reason_years(missing_years) || ' zonder gegevens, dus geen oordeel over ' || period_start_year || '–' || target_year
            WHEN 'period_ended_met' THEN actual_nl || ' in ' || year || ': ' || target_nl || ' gehaald'
            WHEN 'period_ended_missed' THEN actual_nl || ' in ' || year || ' tegen ' || target_nl || ': ' || target_gap_nl || ' ' || short_nl || '; de doelperiode is voorbij'
            WHEN 'achieved' THEN actual_nl || ': ' || target_nl || ' gehaald'
            WHEN 'on_track' THEN actual_nl || ', traject voor ' || year || ': ' || trajectory_nl || via_nl || '; ' || target_nl
            WHEN 'off_track' THEN actual_nl || ': ' || trajectory_gap_nl || ' ' || short_nl || ' op het traject van ' || trajectory_nl || ' voor ' || year || via_nl || '; ' || target_nl
            WHEN 'below_target' THEN actual_nl || ' tegen ' || target_nl || ': ' || target_gap_nl || ' ' || short_nl || '; ' || no_trajectory_nl
        END AS status_reason_nl,
        CASE status
            WHEN 'not_measurable' THEN 'no measurable goal; monitored instead: ' || monitored_instead_en
            WHEN 'not_applicable' THEN 'goal applies to ' || array_to_string(applies_to, ', ') || ' only'
            WHEN 'not_allocated' THEN actual_en || '; government-wide goal not split over departments: only the government as a whole is judged'
            WHEN 'no_data' THEN 'no supplier result for ' || year || '; a missing year does not count as zero'
            WHEN 'allocation_not_adopted' THEN actual_en || '; indicative part ' || coalesce(reason_number_en(target_value_shown)
                || CASE WHEN unit = '%' THEN '%' ELSE ' ' || unit END, 'unknown') || ' in ' || target_year
                || CASE allocation_status WHEN 'proposal' THEN ' (proposal, not adopted)' ELSE ' (computed, not adopted)' END
                || ': no on/off-track verdict until the split is adopted'
            WHEN 'insufficient_coverage' THEN expected_reporting_contracts || ' of the ' || expected_contracts
                || ' contracts that reported before reported for ' || year || ' (' || reason_number_en(coverage_pct)
                || '%, threshold ' || reason_number_en(min_coverage_pct) || '%); a lower total may come from missing reports, so no verdict'
                || CASE WHEN len(missing_years) > 0 THEN '; also without data: ' || reason_years(missing_years) ELSE '' END
            WHEN 'no_baseline' THEN actual_en || '; target ' || reason_number_en(target_change_pct) || '% against a baseline that is missing, so no target value and no trajectory'
            WHEN 'insufficient_data' THEN coalesce('summed over ' || reason_years(data_years) || ': ' || actual_en || '; ', '')
                || reason_years(missing_years) || ' without data, so no verdict on ' || period_start_year || '–' || target_year
            WHEN 'period_ended_met' THEN actual_en || ' in ' || year || ': ' || target_en || ' met'
            WHEN 'period_ended_missed' THEN actual_en || ' in ' || year || ' against ' || target_en || ': ' || target_gap_en || ' ' || short_en || '; the goal''s period has ended'
            WHEN 'achieved' THEN actual_en || ': ' || target_en || ' met'
            WHEN 'on_track' THEN actual_en || ', trajectory for ' || year || ': ' || trajectory_en || via_en || '; ' || target_en
            WHEN 'off_track' THEN actual_en || ': ' || trajectory_gap_en || ' ' || short_en || ' of the trajectory of ' || trajectory_en || ' for ' || year || via_en || '; ' || target_en
            WHEN 'below_target' THEN actual_en || ' against ' || target_en || ': ' || target_gap_en || ' ' || short_en || '; ' || no_trajectory_en
        END AS status_reason_en
    FROM worded
)

SELECT
    -- keys
    department_code,
    year,
    goal_id,
    -- attributes
    goal_name_nl,
    goal_name_en,
    theme_strategy,
    theme_national_plan,
    metric,
    unit,
    direction,
    aggregation,
    status,
    status_reason_nl,
    status_reason_en,
    is_target_year_assumed,
    -- measures (in the goal's unit)
    CAST(round(actual_value, 3) AS DECIMAL(38, 3))                       AS actual_value,
    CASE WHEN NOT is_government_wide_only THEN baseline_year END         AS baseline_year,
    CASE WHEN NOT is_government_wide_only THEN CAST(baseline_value AS DECIMAL(38, 3)) END AS baseline_value,
    target_year,
    CAST(round(target_value_shown, 3) AS DECIMAL(38, 3))                 AS target_value,
    CAST(round(trajectory_value, 3) AS DECIMAL(38, 3))                   AS trajectory_value,
    CAST(round(actual_value - trajectory_value, 3) AS DECIMAL(38, 3))    AS gap_to_trajectory,
    CAST(round(actual_value - target_value_shown, 3) AS DECIMAL(38, 3))  AS gap_to_target,
    CAST(round(numerator_sum, 3) AS DECIMAL(38, 3))                      AS numerator_value,
    CAST(round(denominator_sum, 3) AS DECIMAL(38, 3))                    AS denominator_value,
    coalesce(numerator_count, 0)                                         AS result_count,
    CAST(allocation_share_pct AS DECIMAL(12, 6))                         AS allocation_share_pct,
    allocation_status,
    allocation_basis_text,
    allocation_adopted_on,
    allocation_adopted_by,
    -- coverage of the supplier reports behind actual_value
    CAST(reporting_contracts AS BIGINT)                                  AS reporting_contracts,
    CAST(reporting_suppliers AS BIGINT)                                  AS reporting_suppliers,
    CAST(expected_contracts AS BIGINT)                                   AS expected_contracts,
    CAST(expected_reporting_contracts AS BIGINT)                         AS expected_reporting_contracts,
    CAST(coverage_pct AS DECIMAL(5, 1))                                  AS coverage_pct,
    CAST(min_coverage_pct AS DECIMAL(9, 3))                              AS min_coverage_pct,
    reason_years(data_years)                                             AS years_with_data,
    reason_years(missing_years)                                          AS years_missing,
    source
FROM reasoned
ORDER BY department_code, year, goal_id
