package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class InboxPartitionerTest {

    @TempDir
    Path inbox;

    @Test
    void oneFilePerStepUpToTheLimitThenRunsOfConsecutiveFiles() throws IOException {
        for (String name : List.of("e.csv", "a.csv", "c.csv", "b.csv", "d.csv", ".hidden.csv")) {
            Files.writeString(inbox.resolve(name), "x");
            // All arrived in the same second: name order decides.
            Files.setLastModifiedTime(inbox.resolve(name), java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-05T09:00:00Z")));
        }
        Map<String, ExecutionContext> single = new InboxPartitioner(inbox, 5, 250).partition(1);
        assertThat(single).containsOnlyKeys("a.csv", "b.csv", "c.csv", "d.csv", "e.csv");
        assertThat(single.get("c.csv").getString(InboxPartitioner.FILES_KEY)).isEqualTo(inbox.resolve("c.csv").toString());

        // Five files in runs of at least four: four and one.
        assertThat(new InboxPartitioner(inbox, 2, 4).partition(1).keySet()).containsExactly("a.csv (+3)", "e.csv");
        // Five files over at most two steps (runs of at least one): three and two, in name order.
        Map<String, ExecutionContext> runs = new InboxPartitioner(inbox, 2, 1).partition(1);
        assertThat(runs.keySet()).containsExactly("a.csv (+2)", "d.csv (+1)");
        assertThat(runs.get("a.csv (+2)").getString(InboxPartitioner.FILES_KEY).split("\n"))
                .containsExactly(inbox.resolve("a.csv").toString(), inbox.resolve("b.csv").toString(), inbox.resolve("c.csv").toString());
        assertThat(runs.get("d.csv (+1)").getString(InboxPartitioner.FILES_KEY).split("\n"))
                .containsExactly(inbox.resolve("d.csv").toString(), inbox.resolve("e.csv").toString());

        // A later arrival comes after the others, whatever its name.
        Files.setLastModifiedTime(inbox.resolve("a.csv"), java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-01-05T10:00:00Z")));
        Map<String, ExecutionContext> arrival = new InboxPartitioner(inbox, 5, 250).partition(1);
        assertThat(arrival.keySet()).containsExactly("b.csv", "c.csv", "d.csv", "e.csv", "a.csv");
        assertThat(arrival.get("a.csv").getInt(InboxPartitioner.ORDER_KEY)).isEqualTo(4);
    }

    @Test
    void linksFoldersOddNamesAndDeliveriesInProgressAreNotLoadedEachWithItsReason() throws IOException {
        java.time.Instant old = java.time.Instant.parse("2026-01-05T09:00:00Z");
        Path good = Files.writeString(inbox.resolve("inkoopdata-AZ-2023.csv"), "x");
        Files.setLastModifiedTime(good, java.nio.file.attribute.FileTime.from(old));
        Files.createSymbolicLink(inbox.resolve("link.csv"), good);
        Files.createDirectories(inbox.resolve("archief")).resolve("oud.csv").toFile().createNewFile();
        Path newline = Files.writeString(inbox.resolve("bad\nname.csv"), "x");
        Files.setLastModifiedTime(newline, java.nio.file.attribute.FileTime.from(old));
        Path part = Files.writeString(inbox.resolve("inkoopdata-BZ-2023.csv.part"), "x");
        Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(old));
        Files.writeString(inbox.resolve("fresh.csv"), "x"); // modified now
        java.time.Clock now = java.time.Clock.fixed(java.time.Instant.now().plusSeconds(5), java.time.ZoneOffset.UTC);

        InboxPartitioner.Listing listing = InboxPartitioner.scan(inbox, java.time.Duration.ofSeconds(60), now);
        assertThat(listing.files()).containsExactly(good);
        Map<String, InboxPartitioner.Skipped> skipped = new java.util.HashMap<>();
        listing.skipped().forEach(k -> skipped.put(k.name(), k));
        assertThat(skipped).containsOnlyKeys("link.csv", "archief", "bad?name.csv", "inkoopdata-BZ-2023.csv.part", "fresh.csv");
        assertThat(skipped.get("link.csv").reason()).startsWith("symbolic link, not followed");
        assertThat(skipped.get("archief").reason()).startsWith("a folder, not read");
        assertThat(skipped.get("bad?name.csv").reason()).contains("control characters");
        assertThat(skipped.get("inkoopdata-BZ-2023.csv.part").reason()).contains("ends in .part");
        assertThat(skipped.get("fresh.csv").reason()).matches("still being written \\(modified [45] s ago, settle time 60 s\\): left for the next run");
        assertThat(skipped.values().stream().filter(InboxPartitioner.Skipped::waiting).map(InboxPartitioner.Skipped::name))
                .containsExactlyInAnyOrder("inkoopdata-BZ-2023.csv.part", "fresh.csv");

        // Without a settle time the fresh file loads; the others never do.
        assertThat(InboxPartitioner.scan(inbox, java.time.Duration.ZERO, now).files()).containsExactlyInAnyOrder(good, inbox.resolve("fresh.csv"));
        assertThat(new InboxPartitioner(inbox, 5, 250, java.time.Duration.ofSeconds(60)).partition(1)).containsOnlyKeys("inkoopdata-AZ-2023.csv");
    }
}
