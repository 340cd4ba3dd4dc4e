package nl.impactmonitor.jobs.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.springframework.stereotype.Component;

/** The code version stamped into manifests: the project version and, when built from git, the commit. */
@Component
public class BuildVersion {

    private final String description;

    public BuildVersion() {
        Properties git = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // no git information: the project version alone is the best we have
        }
        String version = BuildVersion.class.getPackage().getImplementationVersion();
        String commit = git.getProperty("git.commit.id.abbrev", "");
        String dirty = "true".equals(git.getProperty("git.dirty")) ? "-dirty" : "";
        description = (version == null ? git.getProperty("git.build.version", "dev") : version)
                + (commit.isEmpty() ? "" : "+" + commit + dirty);
    }

    public String describe() {
        return description;
    }
}
