package nl.impactmonitor.warehouse;

import java.nio.file.Path;

/**
 * Where the warehouse lives and how much of the machine DuckDB may use.
 *
 * @param databaseFile the live DuckDB file (one writer process at a time)
 * @param sqlDirectory the project's {@code sql/} folder: migrations, models and data tests
 * @param memoryLimit DuckDB {@code memory_limit}, e.g. {@code 2GB}; blank keeps DuckDB's default
 * @param threads DuckDB worker threads; 0 keeps DuckDB's default (all cores)
 */
public record WarehouseSettings(Path databaseFile, Path sqlDirectory, String memoryLimit, int threads) {

    public WarehouseSettings {
        if (databaseFile == null || sqlDirectory == null) {
            throw new IllegalArgumentException("databaseFile and sqlDirectory are required");
        }
    }

    public static WarehouseSettings of(Path databaseFile, Path sqlDirectory) {
        return new WarehouseSettings(databaseFile, sqlDirectory, "", 0);
    }
}
