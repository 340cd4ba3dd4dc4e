-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- Numbers in the status reasons of the progress marts: one decimal (none when it is a whole number), with the
-- thousands separator of the language.
CREATE OR REPLACE MACRO reason_number_en(x) AS CASE
    WHEN x IS NULL THEN '–'
    WHEN round(CAST(x AS DOUBLE), 1) = round(CAST(x AS DOUBLE), 0) THEN format('{:,.0f}', round(CAST(x AS DOUBLE), 0))
    ELSE format('{:,.1f}', CAST(x AS DOUBLE))
END;

CREATE OR REPLACE MACRO reason_number_nl(x) AS translate(reason_number_en(x), ',.', '.,');

-- A list of years in a status reason: 2021–2023 when they follow on, else 2015, 2017, 2019.
CREATE OR REPLACE MACRO reason_years(ys) AS CASE
    WHEN ys IS NULL OR len(ys) = 0 THEN NULL
    WHEN len(ys) = 1 THEN CAST(ys[1] AS VARCHAR)
    WHEN list_max(ys) - list_min(ys) + 1 = len(ys) THEN list_min(ys) || '–' || list_max(ys)
    ELSE array_to_string(list_sort(ys), ', ')
END;
