package nl.impactmonitor.jobs.spend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import nl.impactmonitor.jobs.JobTestSupport;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.warehouse.Warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The spend-load job on a real H2 job repository and DuckDB file, fetching over real HTTP. */
@SpringBootTest
class SpendLoadJobFunctionalTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.register(registry, home, home.resolve("inbox/spend"));
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    @Qualifier("spendLoadJob")
    Job spendLoadJob;
    @Autowired
    Warehouse warehouse;

    @Test
    void fileFetchedOverHttpIsLoadedWithItsAddressAsLineage() throws Exception {
        byte[] body = """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                Ministerie van Defensie;2023;Defensiematerieel;Totaal;11
                Ministerie van Defensie;2023;Defensiematerieel;Damen Shipyards;10
                Ministerie van Defensie;2023;Defensiematerieel;;3
                """.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/inkoopdata/inkoopdata-2023-DEF.csv", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/inkoopdata/inkoopdata-2023-DEF.csv";
            JobExecution execution = jobOperator.start(spendLoadJob, new JobParametersBuilder()
                    .addLong("run.id", System.nanoTime())
                    .addString(Source.SPEND.urlParameter(), url, false)
                    .toJobParameters());

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            StepExecution fileStep = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("spend-file:inkoopdata-2023-DEF.csv")).findFirst().orElseThrow();
            // 3 data lines: 2 loaded, 1 rejected (no supplier); the step's counts say so.
            assertThat(List.of(fileStep.getReadCount(), fileStep.getWriteCount(), fileStep.getSkipCount())).containsExactly(3L, 2L, 1L);
            assertThat(fileStep.getExitStatus().getExitCode()).isEqualTo("LOADED");
            assertThat(warehouse.query("SELECT source_file, source_uri, rows_read, rows_loaded, rows_rejected FROM raw.load WHERE status = 'loaded'",
                    rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5)))
                    .containsExactly("inkoopdata-2023-DEF.csv " + url + " 3/2/1");
            assertThat(warehouse.query("SELECT line_no, reason FROM raw.reject", rs -> rs.getLong(1) + " " + rs.getString(2)))
                    .containsExactly("4 supplier is missing");
            assertThat(Files.exists(home.resolve("inbox/spend/inkoopdata-2023-DEF.csv"))).isTrue();

            // A second run finds the same file in the landing folder and the same content at the address: nothing changes.
            JobExecution again = jobOperator.start(spendLoadJob, new JobParametersBuilder()
                    .addLong("run.id", System.nanoTime())
                    .addString(Source.SPEND.urlParameter(), url, false)
                    .toJobParameters());
            assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(again.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("spend-file:"))
                    .extracting(s -> s.getExitStatus().getExitCode()).containsExactly("UNCHANGED");
            assertThat(warehouse.queryLong("SELECT count(*) FROM staging.spend_line")).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }
}
