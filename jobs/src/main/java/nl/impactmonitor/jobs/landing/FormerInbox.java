package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For one release after V017: files in a landing folder under its old name ({@code var/inbox/results},
 * {@code var/inbox/mvi-zet}) are moved into the folder named by the token ({@code var/inbox/result},
 * {@code var/inbox/tender}) before a load, with one warning line naming both folders. Only when the configured folder
 * is the token's folder and the old one stands beside it; a name already in the new folder is left where it is (and
 * named in the warning). The modification time is kept: it is the file's arrival (docs/arrival-order.md).
 */
public final class FormerInbox {

    private static final Logger log = LoggerFactory.getLogger(FormerInbox.class);

    private FormerInbox() {
    }

    /** The files moved, by name. */
    public static List<String> moveFiles(Source source, Path inbox) {
        if (source.formerFolder().isEmpty() || inbox.getFileName() == null || !inbox.getFileName().toString().equals(source.token())) {
            return List.of();
        }
        Path former = inbox.resolveSibling(source.formerFolder().get());
        if (!Files.isDirectory(former)) {
            return List.of();
        }
        List<String> moved = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        try (Stream<Path> files = Files.list(former)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = inbox.resolve(file.getFileName().toString());
                if (Files.exists(target)) {
                    leftBehind.add(file.getFileName().toString());
                    continue;
                }
                Files.createDirectories(inbox);
                FileTime arrived = Files.getLastModifiedTime(file);
                Files.move(file, target);
                Files.setLastModifiedTime(target, arrived);
                moved.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the files of the old landing folder " + former + " into " + inbox, e);
        }
        if (!moved.isEmpty() || !leftBehind.isEmpty()) {
            log.warn("Landing folder {} is the old name of {} (renamed in this release): moved {} file(s) into it{}; deliver {} files to {} from now on",
                    former, inbox, moved.size(), leftBehind.isEmpty() ? "" : ", left " + leftBehind + " (a file of that name is already there)",
                    source.token(), inbox);
        }
        return moved;
    }
}
