package nl.impactmonitor.jobs.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything opens a file: the folders the service writes (the warehouse's, the publications', the H2 job
 * repository's) must be folders, or creatable as folders, that this user can write. Otherwise the start stops with
 * one line naming the path ({@link StartupFailures}), instead of the H2 and DuckDB drivers' own stack traces.
 * Registered in META-INF/spring.factories.
 */
public final class WritableFolders implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        Path home = Path.of(env.getProperty("impactmonitor.home", ".")).toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>();
        folders.add(home.resolve(env.getProperty("impactmonitor.warehouse.file", "var/warehouse/impactmonitor.duckdb")).getParent());
        folders.add(home.resolve(env.getProperty("impactmonitor.out-dir", "var/out")));
        String url = env.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:file:")) {
            String file = url.substring("jdbc:h2:file:".length()).replaceAll(";.*", "");
            folders.add(Path.of(file).toAbsolutePath().normalize().getParent());
        }
        for (Path folder : folders) {
            check(folder);
        }
    }

    /** The nearest part of {@code folder} that exists must be a writable folder. */
    static void check(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            if (!Files.isDirectory(existing)) {
                throw new NotDirectoryException(existing.toString());
            }
            if (!Files.isWritable(existing)) {
                throw new AccessDeniedException(existing.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder, e);
        }
    }
}
