-- unique_key: publication_id, goal_id
-- sort_by: department_code, year, publication_id, goal_id
-- One row per tender and input goal: whether the tender counts for the goal (NULL: undetermined) and
-- whether it meets it. The input-goal mart counts these rows.
--
-- column is_in_scope (-): Whether the tender counts in the goal's denominator, taken from the goal's in-scope flag in fct_tender; NULL when undetermined because the record lacks what the goal needs.
-- column is_met (-): Whether the tender meets the goal, taken from the goal's met flag in fct_tender, which is filled in for every tender but only counted where is_in_scope is true; NULL when the answer is missing.
WITH tenders AS (
    SELECT
        publication_id,
        department_code,
        year,
        goal_i_in_scope,
        goal_i_met,
        goal_i_ambition_in_scope,
        goal_i_ambition_met,
        goal_i_all_in_scope,
        goal_i_all_met,
        goal_ii_in_scope,
        goal_ii_met,
        goal_iii_in_scope,
        goal_iii_met,
        goal_iv_in_scope,
        goal_iv_met
    FROM core.fct_tender
)

SELECT publication_id, department_code, year, 'I' AS goal_id, goal_i_in_scope AS is_in_scope, goal_i_met AS is_met FROM tenders
UNION ALL
SELECT publication_id, department_code, year, 'I_ambition', goal_i_ambition_in_scope, goal_i_ambition_met FROM tenders
UNION ALL
SELECT publication_id, department_code, year, 'I_all', goal_i_all_in_scope, goal_i_all_met FROM tenders
UNION ALL
SELECT publication_id, department_code, year, 'II', goal_ii_in_scope, goal_ii_met FROM tenders
UNION ALL
SELECT publication_id, department_code, year, 'III', goal_iii_in_scope, goal_iii_met FROM tenders
UNION ALL
SELECT publication_id, department_code, year, 'IV', goal_iv_in_scope, goal_iv_met FROM tenders
