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

    public Path fetch(String url, Path inbox) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid address: " + url);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IOException("only http and https addresses can be fetched, not " + url);
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
            throw new IOException("download of " + url + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            Files.deleteIfExists(partial);
            throw new IOException("download of " + url + " failed with HTTP " + response.statusCode());
        }
        Path target = inbox.resolve(name);
        if (Files.isRegularFile(target) && Files.mismatch(partial, target) == -1) {
            // The same bytes again are not a new delivery: the file keeps its arrival (modification time).
            Files.delete(partial);
            log.info("Fetched {}: same bytes as {} already in the landing folder; left as it was", url, target);
            return target;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("Fetched {} ({} bytes) into {}", url, Files.size(target), target);
        return target;
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
