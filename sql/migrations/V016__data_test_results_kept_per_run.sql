-- The stewards' cockpit (issue 23) shows each run's data-test results: besides name, severity and failing-row count,
-- keep the file that defines the test, its description and the sample of failing rows as a JSON array of objects
-- (column name to value), so a page can show them as a table. Rows written before this migration keep only the text
-- sample.
ALTER TABLE meta.data_test_result ADD COLUMN sql_file VARCHAR;      -- path under sql/, e.g. tests/spend_cost_category_is_mapped.sql
ALTER TABLE meta.data_test_result ADD COLUMN description VARCHAR;   -- the test's "-- description:" header
ALTER TABLE meta.data_test_result ADD COLUMN sample_json VARCHAR;   -- at most 5 failing rows, JSON array of objects
