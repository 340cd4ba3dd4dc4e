package nl.impactmonitor.jobs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import nl.impactmonitor.jobs.TestProject;

import org.junit.jupiter.api.Test;

/**
 * Keeps config/reference/sample_files.csv equal to the bundled samples: a publication that loaded any of them is marked
 * as sample data. When a sample changes, the test writes the new list (commit it) and fails once.
 */
class SampleFilesListTest {

    @Test
    void everyBundledSampleIsListedWithItsHash() throws IOException, NoSuchAlgorithmException {
        Path samples = TestProject.DIR.resolve("samples");
        StringBuilder generated = new StringBuilder("path,sha256,source\n");
        List<Path> files;
        try (Stream<Path> s = Files.walk(samples)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted((a, b) -> samples.relativize(a).toString().replace('\\', '/')
                            .compareTo(samples.relativize(b).toString().replace('\\', '/')))
                    .toList();
        }
        for (Path f : files) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            generated.append(samples.relativize(f).toString().replace('\\', '/')).append(',').append(sha)
                    .append(",bundled sample (generate-samples)\n");
        }
        Path committed = TestProject.REFERENCE.resolve("sample_files.csv");
        String current = Files.exists(committed) ? Files.readString(committed) : "";
        if (!current.contentEquals(generated)) {
            Files.writeString(committed, generated);
        }
        assertThat(files).hasSizeGreaterThan(30);
        assertThat(current).as("config/reference/sample_files.csv was out of date and has been regenerated; commit it")
                .isEqualTo(generated.toString());
    }
}
