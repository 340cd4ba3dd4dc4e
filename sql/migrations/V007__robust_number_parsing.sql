-- A number too large for its column is a reject of that row, not an error that stops the whole load: the
-- amount and quantity parsers return NULL for it (the validation queries then say the value is not an amount).
CREATE OR REPLACE MACRO parse_amount(x) AS CASE
    WHEN clean_number(x) IS NULL OR clean_number(x) = '' THEN NULL
    WHEN regexp_full_match(clean_number(x), '-?\d+') THEN TRY_CAST(clean_number(x) AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(\.\d{3})+') THEN TRY_CAST(replace(clean_number(x), '.', '') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(,\d{3})+') THEN TRY_CAST(replace(clean_number(x), ',', '') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(\.\d{3})+|\d+),\d+')
        THEN TRY_CAST(replace(replace(clean_number(x), '.', ''), ',', '.') AS DECIMAL(18, 2))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(,\d{3})+|\d+)\.\d+') THEN TRY_CAST(replace(clean_number(x), ',', '') AS DECIMAL(18, 2))
END;

CREATE OR REPLACE MACRO parse_quantity(x) AS CASE
    WHEN clean_number(x) IS NULL OR clean_number(x) = '' THEN NULL
    WHEN regexp_full_match(clean_number(x), '-?\d+') THEN TRY_CAST(clean_number(x) AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(\.\d{3})+') THEN TRY_CAST(replace(clean_number(x), '.', '') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?\d{1,3}(,\d{3})+') THEN TRY_CAST(replace(clean_number(x), ',', '') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(\.\d{3})+|\d+),\d+')
        THEN TRY_CAST(replace(replace(clean_number(x), '.', ''), ',', '.') AS DECIMAL(38, 6))
    WHEN regexp_full_match(clean_number(x), '-?(\d{1,3}(,\d{3})+|\d+)\.\d+') THEN TRY_CAST(replace(clean_number(x), ',', '') AS DECIMAL(38, 6))
END;

-- An alias that points at a department missing from departments.csv names no department: its rows are rejected
-- as unknown instead of loading under a code the rest of the warehouse does not know.
CREATE OR REPLACE VIEW ref.department_key AS
WITH keys AS (
    SELECT norm_key(alias) AS department_key, department_code FROM ref.department_alias
    UNION
    SELECT norm_key(department_code), department_code FROM ref.department
    UNION
    SELECT norm_key(name_nl), department_code FROM ref.department
)
SELECT department_key, department_code FROM keys
WHERE department_code IN (SELECT department_code FROM ref.department);
