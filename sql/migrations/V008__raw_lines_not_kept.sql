-- The loader no longer keeps a text copy of every line read (raw.spend_line, raw.tender, raw.supplier_result):
-- files are read into a temporary table, validated, and only typed rows (staging) and rejects (raw.reject) are
-- written. Writing the copy doubled the write work of a load, and nothing read it after validation. The delivered
-- file itself, named with its sha256 in raw.load, is the raw record; every staging row keeps file, sha256 and line.
DROP TABLE IF EXISTS raw.spend_line;
DROP TABLE IF EXISTS raw.tender;
DROP TABLE IF EXISTS raw.supplier_result;
