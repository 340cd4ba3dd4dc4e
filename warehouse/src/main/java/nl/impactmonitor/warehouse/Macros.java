package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SQL macros ({@code sql/macros/*.sql}, {@code CREATE OR REPLACE MACRO ...}), applied in file-name order on every
 * start after the migrations, in one transaction. A macro is changed by editing its file, not by a migration that
 * defines it again; the migrations that once defined them stay as they were applied.
 */
final class Macros {

    private final Warehouse warehouse;
    private final Path directory;

    Macros(Warehouse warehouse, Path directory) {
        this.warehouse = warehouse;
        this.directory = directory;
    }

    /** The macro files applied, in order. */
    List<Path> apply() {
        List<Path> files = files();
        warehouse.inTransaction(w -> {
            for (Path file : files) {
                try {
                    w.execute(Files.readString(file));
                } catch (IOException e) {
                    throw new WarehouseException("Cannot read macro file " + file + ": " + e.getMessage(), e);
                } catch (WarehouseException e) {
                    throw new WarehouseException("Macro file " + file + " failed: " + e.getMessage(), e);
                }
            }
            return null;
        });
        return files;
    }

    private List<Path> files() {
        return SqlFiles.in(directory);
    }
}
