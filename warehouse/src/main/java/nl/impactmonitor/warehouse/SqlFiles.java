package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code *.sql} files of a folder below {@code sql/}, by name; none when the folder does not exist. */
final class SqlFiles {

    private SqlFiles() {
    }

    static List<Path> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new WarehouseException("Cannot list " + directory, e);
        }
    }
}
