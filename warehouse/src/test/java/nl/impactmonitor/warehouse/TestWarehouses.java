package nl.impactmonitor.warehouse;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens real warehouse files in a temp folder against the project's own sql/ and config/reference/. */
final class TestWarehouses {

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final Path SQL = PROJECT.resolve("sql");
    static final Path REFERENCE = PROJECT.resolve("config/reference");

    static final RawLoader.Spec SPEND = new RawLoader.Spec("spend",
            List.of("department_raw", "year_raw", "category_raw", "supplier_raw", "staffel_raw"),
            "staging/stg_spend__lines.validate.sql", "staging.spend_line");

    /** The spend columns of a file laid out as departement;jaar;hoofdkostensoort;leverancier;staffel. */
    static final Map<String, Integer> SPEND_COLUMNS = Map.of("department_raw", 1, "year_raw", 2, "category_raw", 3,
            "supplier_raw", 4, "staffel_raw", 5);

    private TestWarehouses() {
    }

    static Warehouse open(Path dir) {
        Warehouse w = Warehouse.open(WarehouseSettings.of(dir.resolve("test.duckdb"), SQL));
        for (String table : List.of("department", "department_alias", "staffel_band", "cost_category", "spend_total_marker")) {
            String file = switch (table) {
                case "department" -> "departments.csv";
                case "department_alias" -> "department_aliases.csv";
                case "staffel_band" -> "staffel_bands.csv";
                case "cost_category" -> "cost_categories.csv";
                default -> "spend_total_markers.csv";
            };
            w.replaceReferenceTable("ref." + table, REFERENCE.resolve(file));
        }
        return w;
    }

    static Path resource(String name) {
        try {
            return Path.of(TestWarehouses.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RawLoader.Result loadSpend(Warehouse w, String resource, String loadId) {
        Path file = resource(resource);
        RawLoader.Result result = w.rawLoader().load(SPEND, new RawLoader.DelimitedFile(file, ';', 1, 5, SPEND_COLUMNS),
                new RawLoader.Lineage(loadId, file.getFileName().toString(), null, "sha-" + loadId, "csv", "UTF-8"));
        // The file is in the landing folder now, so its rows count.
        w.ledger().record("spend", true, List.of(new InboxLedger.Seen(file.getFileName().toString(), "sha-" + loadId,
                InboxLedger.arrival(java.time.Instant.now()), loadId)));
        return result;
    }
}
