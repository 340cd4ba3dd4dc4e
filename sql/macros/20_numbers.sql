-- One grammar for numbers written as text, for every source and every file format (docs/sources/numbers.md).
-- A group separator needs exact groups of three after a non-zero leading group, so '0,500' and '0.125' are always
-- decimals. A value with one separator followed by exactly three digits ('1.500', '12,345') is ambiguous on its own:
-- the notation of the rest of its column in the same file decides it, and without that evidence it is rejected
-- instead of guessed (before, '1.500' was always 1500 and '0,500' was 500).
-- Typed values (XLSX number and date cells, JSON numbers) are not text: the converters (jobs/.../landing/TypedValues.java)
-- write them marked, and the macros below take a marked value as typed, never through the text grammar.
-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- The mark in front of a typed value: U+FDD0, a Unicode noncharacter (reserved for a program's internal use, never
-- part of delivered text; the converters and jobs/.../landing/PhysicalLines.java drop it from text values). After it
-- comes the value's canonical form: a number as plain digits with a decimal point ('-3.25', '12.345', '2023'), a date
-- as ISO ('2023-03-31').
CREATE OR REPLACE MACRO typed_mark() AS chr(64976);

-- Whether a value is typed (NULL for NULL).
CREATE OR REPLACE MACRO is_typed(x) AS starts_with(x, typed_mark());

-- A value as the file holds it, for reasons and rejects: a typed value without its mark, text as it is.
CREATE OR REPLACE MACRO typed_text(x) AS replace(x, typed_mark(), '');

CREATE OR REPLACE MACRO clean_number(x) AS regexp_replace(trim(x), '(€|EUR|\s|\x{00A0}|\x{202F})', '', 'g');

-- How a text writes its number, judged on the text alone: 'plain' (digits only), 'dutch' (decimal comma or dots
-- between groups of three), 'english' (decimal point or commas between groups of three), 'ambiguous', 'invalid',
-- or NULL when empty. A typed value is 'typed': it is never ambiguous and shows no notation for its column.
CREATE OR REPLACE MACRO number_notation(x) AS CASE
    WHEN clean_number(x) IS NULL OR clean_number(x) = '' THEN NULL
    WHEN is_typed(x) THEN 'typed'
    WHEN regexp_full_match(clean_number(x), '[-+]?\d+') THEN 'plain'
    WHEN regexp_full_match(clean_number(x), '[-+]?[1-9]\d{0,2}[.,]\d{3}') THEN 'ambiguous'
    WHEN regexp_full_match(clean_number(x), '[-+]?(\d+|[1-9]\d{0,2}(\.\d{3})+),\d+') THEN 'dutch'
    WHEN regexp_full_match(clean_number(x), '[-+]?[1-9]\d{0,2}(\.\d{3})+') THEN 'dutch'
    WHEN regexp_full_match(clean_number(x), '[-+]?(\d+|[1-9]\d{0,2}(,\d{3})+)\.\d+') THEN 'english'
    WHEN regexp_full_match(clean_number(x), '[-+]?[1-9]\d{0,2}(,\d{3})+') THEN 'english'
    ELSE 'invalid'
END;

-- The notation a file column shows by its unambiguous values; NULL when it shows none, or both.
CREATE OR REPLACE MACRO column_notation(has_dutch, has_english) AS CASE
    WHEN coalesce(has_dutch, false) AND NOT coalesce(has_english, false) THEN 'dutch'
    WHEN coalesce(has_english, false) AND NOT coalesce(has_dutch, false) THEN 'english'
END;

-- The number as plain text ('-1234.5'), or NULL when the text is no number or is ambiguous and `notation` (the
-- column's, from column_notation) does not decide it. A typed value is its canonical form, taken as it is (a typed
-- date or other non-number fails the cast in parse_amount and parse_quantity: not a number).
CREATE OR REPLACE MACRO number_text(x, notation := NULL) AS CASE
    WHEN is_typed(x) THEN substr(x, 2)
    WHEN number_notation(x) = 'plain' THEN replace(clean_number(x), '+', '')
    WHEN number_notation(x) = 'dutch' OR (number_notation(x) = 'ambiguous' AND notation = 'dutch')
        THEN replace(replace(replace(clean_number(x), '+', ''), '.', ''), ',', '.')
    WHEN number_notation(x) = 'english' OR (number_notation(x) = 'ambiguous' AND notation = 'english')
        THEN replace(replace(clean_number(x), '+', ''), ',', '')
END;

-- A number too large for its column is NULL (a reject of that row), not an error that stops the load.
CREATE OR REPLACE MACRO parse_amount(x, notation := NULL) AS TRY_CAST(number_text(x, notation := notation) AS DECIMAL(18, 2));

CREATE OR REPLACE MACRO parse_quantity(x, notation := NULL) AS TRY_CAST(number_text(x, notation := notation) AS DECIMAL(38, 6));

-- The reason given for an ambiguous value: both readings, each written so that it is no longer ambiguous.
CREATE OR REPLACE MACRO ambiguous_number_reason(x) AS
    'ambiguous number ''' || trim(x) || ''': write '
    || replace(replace(replace(clean_number(x), '+', ''), '.', ''), ',', '')
    || ' or '
    || replace(regexp_extract(clean_number(x), '^([-+]?\d+)[.,](\d{3})$', 1), '+', '')
    || CASE
           WHEN rtrim(regexp_extract(clean_number(x), '^([-+]?\d+)[.,](\d{3})$', 2), '0') = '' THEN ''
           ELSE CASE WHEN contains(clean_number(x), '.') THEN ',' ELSE '.' END
                || rtrim(regexp_extract(clean_number(x), '^([-+]?\d+)[.,](\d{3})$', 2), '0')
                || CASE WHEN length(rtrim(regexp_extract(clean_number(x), '^([-+]?\d+)[.,](\d{3})$', 2), '0')) = 3 THEN '0' ELSE '' END
       END;
