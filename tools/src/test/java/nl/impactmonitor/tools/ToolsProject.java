package nl.impactmonitor.tools;

import java.nio.file.Path;

/** The project's own config/ and samples/, for the tools' tests (the root is set by the build). */
public final class ToolsProject {

    public static final Path DIR = Path.of(System.getProperty("impactmonitor.project-dir", "..")).toAbsolutePath().normalize();
    public static final Path REFERENCE = DIR.resolve("config/reference");
    public static final Path SAMPLES = DIR.resolve("samples");

    private ToolsProject() {
    }
}
