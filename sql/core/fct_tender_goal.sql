-- One row per tender and input goal: whether the tender counts for the goal (NULL: undetermined) and
-- whether it meets it. The input-goal mart counts these rows.
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
