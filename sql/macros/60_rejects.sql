-- Reasons the sources' validations (sql/staging/stg_*.validate.sql) give in the same words.
-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- The department problem of a row, or NULL: missing, a spelling config/reference/department_aliases.csv does not know,
-- or a department that did not exist under that code in the row's year (department_problem, from ref.department_year;
-- only for a year between 2000 and next year, an implausible year has a reject of its own).
CREATE OR REPLACE MACRO department_reject(department_raw, department_code, year_value, department_problem) AS CASE
    WHEN department_raw IS NULL THEN
        {'column_name': 'department', 'value_raw': NULL, 'reason': 'department is missing'}
    WHEN department_code IS NULL THEN
        {'column_name': 'department', 'value_raw': department_raw,
         'reason': 'unknown department ''' || department_raw || ''' (a new spelling belongs in config/reference/department_aliases.csv)'}
    WHEN year_value BETWEEN 2000 AND year(current_date) + 1 AND department_problem IS NOT NULL THEN
        {'column_name': 'department', 'value_raw': department_raw, 'reason': department_problem}
END;

-- The problem of an optional date, or NULL: written but not a date, or a year outside 2000 to next year.
CREATE OR REPLACE MACRO date_reject(column_name, label, date_raw, date_value) AS CASE
    WHEN date_raw IS NOT NULL AND date_value IS NULL THEN
        {'column_name': column_name, 'value_raw': date_raw,
         'reason': label || ' ''' || date_raw || ''' is not a date (dd-mm-yyyy or yyyy-mm-dd)'}
    WHEN year(date_value) NOT BETWEEN 2000 AND year(current_date) + 1 THEN
        {'column_name': column_name, 'value_raw': date_raw,
         'reason': label || ' ' || strftime(date_value, '%d-%m-%Y') || ' is outside 2000-' || (year(current_date) + 1)}
END;
