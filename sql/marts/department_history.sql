-- unique_key: department_code, year
-- Departments over time, for reading a trend across a reorganisation (config/reference/departments.csv): per
-- department code and year, the code whose figures stand for it in that year, with the reorganisation in words.
-- A figure is always published under the code valid in its year (LNV until 2024, LVVN from 2024); to follow LVVN
-- back in time, join the other marts on figures_department_code and year for department_code = 'LVVN'. Years run
-- from the first year with any data to the last; a code with no figures code in a year (it did not exist, and no
-- link leads to one) has figures_department_code NULL.
--
-- column department_code (-): A department code of config/reference/departments.csv, as a reader names it (the page of the report, the trend asked for).
-- column year (year): The year asked about, from the first to the last year with any data (marts.source_coverage).
-- column figures_department_code (-): The code the figures of that year are published under: department_code itself in the years it exists, else the code reached through its links (continued_by forwards, a sole predecessor backwards); NULL when none.
-- column is_other_code (-): True when the year's figures are under another code than department_code, so a trend shows both codes.
-- column note_nl (-): The reorganisation behind figures_department_code in that year, in Dutch (note_nl of its period in departments.csv); NULL when there is none to tell.
-- column note_en (-): The same in English.
-- column source (-): Where the period's facts come from (departments.csv source), with what is uncertain.
WITH data_years AS (
    SELECT min(year) AS first_year, max(year) AS last_year FROM marts.source_coverage
)

SELECT
    -- keys
    dy.named_code                                            AS department_code,
    dy.year,
    -- attributes
    dy.department_code                                       AS figures_department_code,
    coalesce(dy.department_code <> dy.named_code, false)     AS is_other_code,
    nullif(trim(d.note_nl), '')                              AS note_nl,
    nullif(trim(d.note_en), '')                              AS note_en,
    d.source
FROM ref.department_year AS dy
CROSS JOIN data_years AS y
LEFT JOIN ref.department AS d
  ON d.department_code = dy.department_code
 -- the periods of one code do not overlap (data test ref_department_periods_do_not_overlap): one period holds the year
 AND dy.year BETWEEN d.valid_from_year AND coalesce(d.valid_to_year, 9999)
WHERE dy.year BETWEEN y.first_year AND y.last_year
ORDER BY department_code, year
