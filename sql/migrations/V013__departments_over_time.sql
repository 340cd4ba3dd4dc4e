-- Departments over time (issue 18): ministries are merged, split and renamed (LNV was part of EZ 2010-2017; in 2024
-- LNV became LVVN, EZK split into EZ and KGG, VRO split off BZK). config/reference/departments.csv keeps one row per
-- code and period, so a code may come back (EZ 2010-2017 and again from 2024), with its predecessors, successors and
-- the successor that carries on its tasks. A file naming a department by a name valid in another year loads under
-- the code valid in the file's year, found by following those links (ref.department_year).

DROP VIEW ref.department_key;
DROP TABLE ref.department;

CREATE TABLE ref.department (
    department_code  VARCHAR NOT NULL,
    name_nl          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    valid_from_year  INTEGER NOT NULL,
    valid_to_year    INTEGER,             -- NULL: still exists; a reorganisation year belongs to both sides
    predecessors     VARCHAR,             -- codes this period took over from, ';'-separated
    successors       VARCHAR,             -- codes that took over from this period, ';'-separated
    continued_by     VARCHAR,             -- the successor that carries on this period's tasks (a later year's file naming it)
    note_nl          VARCHAR,             -- the reorganisation in words, shown with trends across it
    note_en          VARCHAR,
    source           VARCHAR NOT NULL,
    PRIMARY KEY (department_code, valid_from_year)
);

-- Every spelling that names a department (its code, its Dutch names and the aliases of
-- config/reference/department_aliases.csv) by its matching key; an alias naming an unknown code names nothing.
CREATE VIEW ref.department_key AS
WITH keys AS (
    SELECT norm_key(alias) AS department_key, department_code FROM ref.department_alias
    UNION
    SELECT norm_key(department_code), department_code FROM ref.department
    UNION
    SELECT norm_key(name_nl), department_code FROM ref.department
)
SELECT department_key, department_code FROM keys
WHERE department_code IN (SELECT department_code FROM ref.department);

-- The code a name stands for in a year: the named code itself when one of its periods holds the year; otherwise the
-- code reached in the fewest steps by following continued_by forwards (an old name in a later year) or a sole
-- predecessor backwards (a new name in an earlier year). More than one code at that distance: ambiguous; none: the
-- department did not exist in that year under any name linked to it. Both leave department_code NULL and say so in
-- problem, the reason every source's validation gives. Validation joins this view once per query (a correlated
-- lookup per row took about 2 s for a 16-row file).
CREATE VIEW ref.department_year AS
WITH RECURSIVE periods AS (
    SELECT
        department_code,
        valid_from_year,
        coalesce(valid_to_year, 9999)                                      AS valid_to,
        nullif(trim(continued_by), '')                                     AS continued_by,
        CASE WHEN len(string_split(trim(coalesce(predecessors, '')), ';')) = 1
             THEN nullif(trim(predecessors), '') END                       AS sole_predecessor
    FROM ref.department
),

chain AS (
    SELECT department_code AS named_code, department_code AS code, valid_from_year, valid_to, 0 AS steps, 'self' AS direction
    FROM periods
    UNION ALL
    SELECT ch.named_code, q.department_code, q.valid_from_year, q.valid_to, ch.steps + 1, d.way
    FROM chain AS ch
    JOIN periods AS p ON p.department_code = ch.code AND p.valid_from_year = ch.valid_from_year
    CROSS JOIN (VALUES ('forward'), ('backward')) AS d(way)
    JOIN periods AS q
      ON (d.way = 'forward' AND q.department_code = p.continued_by
          AND q.valid_from_year <= ch.valid_to AND q.valid_to >= ch.valid_to)
      OR (d.way = 'backward' AND q.department_code = p.sole_predecessor
          AND q.valid_from_year <= ch.valid_from_year AND q.valid_to >= ch.valid_from_year)
    WHERE ch.steps < 6 AND (ch.direction = 'self' OR ch.direction = d.way)
),

years AS (
    SELECT CAST(y AS INTEGER) AS year FROM range(2000, year(current_date) + 2) AS t(y)
),

holding AS (
    SELECT DISTINCT c.named_code, y.year, c.code, c.steps
    FROM chain AS c
    JOIN years AS y ON y.year BETWEEN c.valid_from_year AND c.valid_to
),

nearest AS (
    SELECT named_code, year, list(DISTINCT code ORDER BY code) AS codes
    FROM (SELECT *, min(steps) OVER (PARTITION BY named_code, year) AS fewest FROM holding) AS h
    WHERE steps = fewest
    GROUP BY ALL
),

names AS (
    SELECT DISTINCT department_code AS named_code FROM ref.department
),

valid_years AS (
    SELECT department_code AS named_code,
           string_agg(valid_from_year || '-' || coalesce(CAST(valid_to_year AS VARCHAR), 'now'), ', ' ORDER BY valid_from_year) AS periods
    FROM ref.department
    GROUP BY ALL
)

SELECT
    n.named_code,
    y.year,
    CASE WHEN len(r.codes) = 1 THEN r.codes[1] END AS department_code,
    -- the reason a row naming named_code in this year is refused; NULL when it resolves
    CASE
        WHEN len(r.codes) = 1 THEN NULL
        WHEN len(r.codes) > 1 THEN
            'department ' || n.named_code || ' is ambiguous in ' || y.year || ': it became ' || array_to_string(r.codes, ' and ')
            || ' (name one of them, or set continued_by in config/reference/departments.csv)'
        ELSE 'department ' || n.named_code || ' did not exist in ' || y.year || ' (valid ' || v.periods || ')'
    END                                            AS problem
FROM names AS n
CROSS JOIN years AS y
LEFT JOIN nearest AS r ON r.named_code = n.named_code AND r.year = y.year
LEFT JOIN valid_years AS v ON v.named_code = n.named_code;
