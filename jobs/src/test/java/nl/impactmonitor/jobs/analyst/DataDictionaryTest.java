package nl.impactmonitor.jobs.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.warehouse.Snapshot;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/data-dictionary.md generated from the schema: fails when a published column has no unit or description,
 * and when the committed dictionary is not what the schema gives (then it writes the new one to commit).
 */
class DataDictionaryTest {

    @TempDir
    Path dir;

    @Test
    void everyPublishedColumnIsDocumentedAndTheDictionaryIsCurrent() throws Exception {
        try (Warehouse w = TestProject.warehouse(dir)) {
            w.models().buildAll();
            assertThat(w.snapshot().undocumented())
                    .as("columns without unit or description: document them in the model's header (-- column name (unit): ...)"
                            + " or in sql/dictionary/common_columns.csv")
                    .extracting(c -> c.table() + "." + c.column())
                    .isEmpty();
            String generated = w.snapshot().dictionaryMarkdown();
            Path committed = TestProject.DIR.resolve("docs/data-dictionary.md");
            String current = Files.exists(committed) ? Files.readString(committed) : "";
            if (!current.equals(generated)) {
                Files.writeString(committed, generated);
            }
            assertThat(current).as("docs/data-dictionary.md was out of date and has been regenerated; commit it").isEqualTo(generated);
            assertThat(generated).contains("## marts.spend_by_department_year", "`spend_max_eur`");
            assertThat(w.snapshot().tables()).extracting(Snapshot.Table::name).contains("raw.reject");
        }
    }
}
