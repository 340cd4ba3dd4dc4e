-- Every sheet of a workbook that has a recognisable header is loaded (issue 16). The first such sheet is read as the
-- file's load; each further sheet is read under a load of its own that is part of the file's load
-- (part_of_load_id), so its rows count as the file's and keep their Excel row numbers. The sheet a load read:
ALTER TABLE raw.load ADD COLUMN sheet_name VARCHAR;

-- A further sheet's rejects are recorded under the workbook's load (so every view of a file's rejects has them), with
-- the sheet named; line_no is that sheet's Excel row.
ALTER TABLE raw.reject ADD COLUMN sheet_name VARCHAR;

-- A JSON record's line_no is its 1-based position in the array (unique even when the whole array is on one line);
-- start_line is the line of the file where its object starts. NULL for other files.
ALTER TABLE raw.reject ADD COLUMN start_line BIGINT;
