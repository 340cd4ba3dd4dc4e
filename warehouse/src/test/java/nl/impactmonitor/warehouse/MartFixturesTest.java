package nl.impactmonitor.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marts tested dbt-style, without files or a load: each {@code fixtures/*.fixture} puts rows straight into
 * staging, builds the models and compares a mart with the rows written out (and worked out by hand) in the fixture.
 * Also: every core and marts model declares the unique key its generated data test checks.
 */
class MartFixturesTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyFixtureHoldsItsExpectedRows() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> s = Files.list(TestWarehouses.resource("fixtures"))) {
            fixtures = s.filter(p -> p.toString().endsWith(".fixture")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(2);
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path work = dir.resolve(f.getFileName().toString());
            try (Warehouse w = TestWarehouses.open(work)) {
                w.replaceReferenceTable("ref.impact_factor", TestWarehouses.REFERENCE.resolve("impact_factors.csv"));
                assertThat(ModelFixture.read(f).run(w, work.resolve("blocks"))).as(f.toString()).isEmpty();
            }
        }));
    }

    @Test
    void everyCoreAndMartModelDeclaresAUniqueKeyAndItHolds() {
        try (Warehouse w = TestWarehouses.open(dir)) {
            List<ModelRunner.Model> models = w.models().plan().stream().filter(m -> !m.name().startsWith("staging.")).toList();
            assertThat(models).extracting(ModelRunner.Model::name).contains("marts.spend_by_department_year", "core.fct_spend_line");
            assertThat(models).allSatisfy(m -> assertThat(SqlHeader.value(m.sql(), "unique_key", ""))
                    .as("-- unique_key: of %s", m.file()).isNotBlank());
            List<DataTests.Test> generated = DataTests.uniqueKeyTests(models);
            assertThat(generated).hasSize(models.size());
            assertThat(generated).extracting(DataTests.Test::name).contains("unique_key__marts_spend_by_department_year");
            TestWarehouses.loadSpend(w, "spend/staffel-arithmetic.csv", "load-1");
            w.models().buildAll();
            List<DataTests.Result> results = w.dataTests().runAll("run-1");
            assertThat(results).filteredOn(r -> r.name().startsWith("unique_key__")).hasSize(models.size())
                    .allSatisfy(r -> assertThat(r.passed()).as(r.name() + " " + r.sample()).isTrue());
        }
    }

    @Test
    void aDuplicateKeyFailsItsGeneratedTest() {
        try (Warehouse w = TestWarehouses.open(dir)) {
            TestWarehouses.loadSpend(w, "spend/staffel-arithmetic.csv", "load-1");
            w.models().buildAll();
            w.execute("INSERT INTO core.fct_spend_line SELECT * FROM core.fct_spend_line LIMIT 1");
            DataTests.Result result = w.dataTests().runAll("run-1").stream()
                    .filter(r -> r.name().equals("unique_key__core_fct_spend_line")).findFirst().orElseThrow();
            assertThat(result.failingRows()).isEqualTo(1);
            assertThat(result.blocksPublication()).isTrue();
            assertThat(result.sample().get(0)).contains("row_count=2");
        }
    }
}
