package nl.impactmonitor.jobs.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fetch over real HTTP (a server on the loopback address): never overwrites a delivered file, never shows a secret. */
class DownloaderTest {

    @TempDir
    Path inbox;

    @Test
    void aFetchNeverOverwritesADeliveredFileAndKeepsIdenticalBytesOnce() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("Jaar;Bedrag\n2023;1\n");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data/inkoopdata.csv", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data/inkoopdata.csv?token=s3cret";
            Path first = new Downloader().fetch(url, inbox);
            assertThat(first.getFileName().toString()).isEqualTo("inkoopdata.csv");

            Path same = new Downloader().fetch(url, inbox);
            assertThat(same).as("same bytes: the delivered file is kept").isEqualTo(first);

            body.set("Jaar;Bedrag\n2023;2\n");
            Path changed = new Downloader().fetch(url, inbox);
            assertThat(changed.getFileName().toString()).matches("inkoopdata-\\d{8}T\\d{6}\\.csv");
            assertThat(Files.readString(first)).as("the delivered file is untouched").contains("2023;1");
            assertThat(Files.readString(changed)).contains("2023;2");
            try (Stream<Path> files = Files.list(inbox)) {
                assertThat(files.map(p -> p.getFileName().toString())).hasSize(2).noneMatch(n -> n.endsWith(".part"));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void errorsNameTheAddressWithoutItsSecrets() {
        assertThatThrownBy(() -> new Downloader().fetch("ftp://user:pw@host/x.csv?key=abc", inbox))
                .hasMessage("only http and https addresses can be fetched, not ftp://***@host/x.csv?key=***");
    }

    @Test
    void redactionHidesUserInfoAndQueryValues() {
        assertThat(Downloader.redact("https://steward:geheim@data.example/a/b.csv?token=abc&year=2023#frag"))
                .isEqualTo("https://***@data.example/a/b.csv?token=***&year=***");
        assertThat(Downloader.redact("https://data.example/a/b.csv")).isEqualTo("https://data.example/a/b.csv");
        assertThat(Downloader.newName("inkoopdata.csv.gz", LocalDateTime.of(2026, 12, 1, 2, 30)))
                .isEqualTo("inkoopdata-20261201T023000.csv.gz");
    }
}
