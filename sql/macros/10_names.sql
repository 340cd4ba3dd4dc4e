-- Matching names from source files with reference data.
-- Applied on every start (warehouse/Macros.java): change a macro here, never in a migration.

-- Key used to match names from source files with reference data: case, accents and spacing ignored,
-- so 'I & W', 'i&w' and 'I&W' meet.
CREATE OR REPLACE MACRO norm_key(x) AS lower(strip_accents(regexp_replace(trim(x), '\s+', '', 'g')));

-- Names matched as a steward would read them: case, accents, spaces and punctuation ignored, so
-- 'Grond-, weg- en waterbouw' is 'Grond- weg- en waterbouw' (cost categories; norm_key keeps punctuation, which
-- department codes such as 'I&W' need).
CREATE OR REPLACE MACRO name_key(x) AS regexp_replace(lower(strip_accents(trim(x))), '[^a-z0-9]', '', 'g');
