package nl.impactmonitor.jobs.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import nl.impactmonitor.warehouse.Snapshot;
import nl.impactmonitor.warehouse.Warehouse;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published lake read with the Apache Parquet Java library, independently of DuckDB, as Spark or Trino would. */
class ParquetLakeTest {

    @TempDir
    Path dir;

    @Test
    void everyLakeTableHasTheWarehouseColumnsAndRowCounts() throws Exception {
        Path out = dir.resolve("out");
        try (Warehouse w = SampleSnapshot.warehouseWithSamples(dir)) {
            SampleSnapshot.PUBLISHER.publish(w, out, "run-1");
            Path lake = out.resolve("latest").toRealPath().resolve("lake");
            List<Snapshot.Table> tables = w.snapshot().tables();
            assertThat(tables).extracting(Snapshot.Table::name).contains("marts.spend_by_department_year", "core.fct_spend_line", "raw.load");
            for (Snapshot.Table table : tables) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(lake.resolve(table.folder()))) {
                    files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
                }
                assertThat(files).as(table.name()).isNotEmpty();
                List<String> expected = w.query("""
                        SELECT column_name FROM duckdb_columns() WHERE schema_name || '.' || table_name = ?
                        AND NOT (? AND column_name = 'year') ORDER BY column_index""",
                        rs -> rs.getString(1), table.name(), table.partitioned());
                long rows = 0;
                for (Path file : files) {
                    if (table.partitioned()) {
                        assertThat(file.getParent().getFileName().toString()).matches("year=\\d+");
                        assertThat(file.getParent().getParent()).isEqualTo(lake.resolve(table.folder()));
                    }
                    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                        assertThat(schema.getFields()).extracting(Type::getName).as(file.toString()).containsExactlyElementsOf(expected);
                        rows += reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
                    }
                }
                assertThat(rows).as("rows of %s", table.name()).isEqualTo(w.queryLong("SELECT count(*) FROM " + table.name()));
            }
        }
    }
}
