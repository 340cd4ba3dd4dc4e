-- One name per source (issue 21): spend, tender, result, from landing folder to staging table. The supplier-reported
-- results were `results` in raw.* and `supplier_result` in staging; they become `result` and staging.result_record
-- (tender: staging.tender_record, spend: staging.spend_line already carried the token).

-- Lineage keeps one name: every stored load, partition, reject and landing-folder row of the results source now says
-- `result`, so a file's history reads the same before and after this release ('supplier_result' was the value of the
-- first loads, before V010).
UPDATE raw.load SET source = 'result' WHERE source IN ('results', 'supplier_result');
UPDATE raw.load_partition SET source = 'result' WHERE source IN ('results', 'supplier_result');
UPDATE raw.reject SET source = 'result' WHERE source IN ('results', 'supplier_result');
UPDATE raw.inbox_file SET source = 'result' WHERE source IN ('results', 'supplier_result');

ALTER TABLE staging.supplier_result RENAME TO result_record;

-- For analysts, for one release (docs/analysts.md): the old name still reads the table. Remove in the next release.
CREATE VIEW staging.supplier_result AS SELECT * FROM staging.result_record;
