-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- Dates as Dutch (31-12-2023, 31/12/2023, 31.12.2023) or ISO (2023-12-31) text; NULL when no valid date. A typed
-- date (an XLSX date cell, marked as in 20_numbers.sql) is its ISO date, taken directly; a typed number is no date.
CREATE OR REPLACE MACRO parse_date(x) AS CASE
    WHEN is_typed(x) THEN TRY_CAST(substr(x, 2) AS DATE)
    ELSE CAST(coalesce(
        try_strptime(trim(x), '%Y-%m-%d'),
        try_strptime(trim(x), '%d-%m-%Y'),
        try_strptime(trim(x), '%d/%m/%Y'),
        try_strptime(trim(x), '%d.%m.%Y')) AS DATE)
END;
