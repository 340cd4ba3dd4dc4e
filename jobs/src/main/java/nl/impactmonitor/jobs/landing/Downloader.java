package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a source file over http(s) into a landing folder. The file appears there complete or not at all
 * (downloaded beside it, then moved), so a load never reads half a download.
 */
public final class Downloader {

    private static final Logger log = LoggerFactory.getLogger(Downloader.class);
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    /**
     * The address as it may be logged, stored and shown: user-info and every query value replaced by {@code ***}
     * (a token or password in a download address is a secret; the host and path are not).
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String noUser = url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#]*@", "$1***@");
        int q = noUser.indexOf('?');
        if (q < 0) {
            return noUser;
        }
        int hash = noUser.indexOf('#', q);
        String query = hash < 0 ? noUser.substring(q + 1) : noUser.substring(q + 1, hash);
        String redacted = java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=')) + "=***" : "***")
                .collect(java.util.stream.Collectors.joining("&"));
        return noUser.substring(0, q + 1) + redacted;
    }

    public Path fetch(String url, Path inbox) throws IOException {
        URI uri;
        String shown = redact(url);
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid address: " + shown);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IOException("only http and https addresses can be fetched, not " + shown);
        }
        Files.createDirectories(inbox);
        String name = fileName(uri);
        Path partial = inbox.resolve("." + name + ".part");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<Path> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofFile(partial));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + shown + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            Files.deleteIfExists(partial);
            throw new IOException("download of " + shown + " failed with HTTP " + response.statusCode());
        }
        Path target = inbox.resolve(name);
        if (Files.exists(target)) {
            if (Files.mismatch(partial, target) == -1) {
                // The same bytes are delivered already: keep that file (and its arrival time).
                Files.delete(partial);
                log.info("Fetched {}: same bytes as {} in the landing folder, kept that file", shown, target);
                return target;
            }
            // Never overwrite a delivered file (it may not be loaded yet): the new bytes arrive under a new name.
            target = inbox.resolve(newName(name, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("Fetched {} ({} bytes) into {}", shown, Files.size(target), target);
        return target;
    }

    /** {@code inkoopdata.csv} -> {@code inkoopdata-20261201T023000.csv}: a fetched file's name when the plain name is taken. */
    static String newName(String name, java.time.LocalDateTime at) {
        String stamp = at.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        int dot = name.indexOf('.', 1);
        return dot < 0 ? name + "-" + stamp : name.substring(0, dot) + "-" + stamp + name.substring(dot);
    }

    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (last.isBlank() || last.startsWith(".")) {
            last = "download" + last;
        }
        return last;
    }
}
