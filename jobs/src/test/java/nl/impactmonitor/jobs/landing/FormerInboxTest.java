package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landing folder under its name of before V017 keeps working for one release: its files move to the new folder. */
class FormerInboxTest {

    @TempDir
    Path home;

    @Test
    void filesOfTheOldResultsFolderMoveToTheNewOneWithTheirArrivalTimeAndAClashStaysBehind() throws IOException {
        Path old = Files.createDirectories(home.resolve("var/inbox/results"));
        Path inbox = Files.createDirectories(home.resolve("var/inbox/result"));
        Path delivered = Files.writeString(old.resolve("results-2023-VWS.csv"), "a;b\n");
        FileTime arrived = FileTime.from(Instant.parse("2024-03-01T10:15:30Z"));
        Files.setLastModifiedTime(delivered, arrived);
        Files.writeString(old.resolve("same-name.csv"), "old\n");
        Files.writeString(inbox.resolve("same-name.csv"), "new\n");

        assertThat(FormerInbox.moveFiles(Source.RESULT, inbox)).containsExactly("results-2023-VWS.csv");

        assertThat(inbox.resolve("results-2023-VWS.csv")).hasContent("a;b");
        assertThat(Files.getLastModifiedTime(inbox.resolve("results-2023-VWS.csv"))).isEqualTo(arrived);
        assertThat(old.resolve("results-2023-VWS.csv")).doesNotExist();
        assertThat(inbox.resolve("same-name.csv")).hasContent("new");
        assertThat(old.resolve("same-name.csv")).hasContent("old");
    }

    @Test
    void aConfiguredFolderOfAnotherNameIsLeftAlone() throws IOException {
        Path old = Files.createDirectories(home.resolve("mvi-zet"));
        Files.writeString(old.resolve("mvi-zet-2023-AZ.csv"), "x\n");

        assertThat(FormerInbox.moveFiles(Source.TENDER, home.resolve("exports"))).isEmpty();
        assertThat(FormerInbox.moveFiles(Source.SPEND, home.resolve("spend"))).isEmpty();
        assertThat(old.resolve("mvi-zet-2023-AZ.csv")).exists();
    }
}
