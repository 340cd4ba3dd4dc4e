package nl.impactmonitor.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code sql/migrations/V<number>__<description>.sql}, applied once each, in
 * version order, each in its own transaction. An applied file that was edited afterwards stops start-up,
 * because the live schema would no longer match its source.
 */
final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final Warehouse warehouse;
    private final Path directory;

    Migrations(Warehouse warehouse, Path directory) {
        this.warehouse = warehouse;
        this.directory = directory;
    }

    void apply() {
        warehouse.execute("""
                CREATE SCHEMA IF NOT EXISTS meta;
                CREATE TABLE IF NOT EXISTS meta.schema_migration (
                    version     INTEGER PRIMARY KEY,
                    name        VARCHAR NOT NULL,
                    sha256      VARCHAR NOT NULL,
                    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
                )""");
        Map<Integer, String> applied = warehouse.query("SELECT version, sha256 FROM meta.schema_migration",
                        rs -> Map.entry(rs.getInt(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> appliedNow = new java.util.ArrayList<>();
        for (Path file : files()) {
            Matcher m = FILE_NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                throw new WarehouseException("Migration file name " + file + " does not match V<number>__<name>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            String sql = read(file);
            String sha = sha256(sql);
            String appliedSha = applied.get(version);
            if (appliedSha != null) {
                if (!appliedSha.equals(sha)) {
                    throw new WarehouseException("Migration " + file + " was changed after it was applied;"
                            + " add a new migration instead of editing an applied one");
                }
                continue;
            }
            log.debug("Applying migration {}", file.getFileName());
            appliedNow.add(file.getFileName().toString().replaceAll("__.*", ""));
            try {
                warehouse.inTransaction(w -> {
                    w.execute(sql);
                    w.update("INSERT INTO meta.schema_migration (version, name, sha256) VALUES (?, ?, ?)",
                            version, m.group(2), sha);
                    return null;
                });
            } catch (WarehouseException e) {
                throw new WarehouseException("Migration " + file + " failed: " + e.getMessage(), e);
            }
        }
        if (!appliedNow.isEmpty()) {
            // One line, not one per file: a fresh warehouse's start-up log stays readable.
            log.info("Applied {} migration(s) ({}) from {}", appliedNow.size(), appliedNow.size() == 1 ? appliedNow.get(0)
                    : appliedNow.get(0) + ".." + appliedNow.get(appliedNow.size() - 1), directory.toAbsolutePath());
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            throw new WarehouseException("Migrations folder " + directory.toAbsolutePath() + " not found");
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        } catch (IOException e) {
            throw new WarehouseException("Cannot list " + directory, e);
        }
    }

    private static int version(Path p) {
        Matcher m = FILE_NAME.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + file, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
