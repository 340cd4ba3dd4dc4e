package nl.impactmonitor.jobs.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import nl.impactmonitor.jobs.extract.Publisher;
import nl.impactmonitor.jobs.system.ImpactmonitorProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health component {@code publication}: how old the latest publication is ({@code published_at} of
 * {@code <out-dir>/latest/manifest.json}). UP while younger than {@code impactmonitor.health.publication-max-age}
 * (36 hours: one missed night is tolerated for a few hours), DOWN when older, UNKNOWN before the first publication.
 */
@ConditionalOnWebApplication
@Component("publicationHealthIndicator")
public class PublicationHealthIndicator extends AbstractHealthIndicator {

    private final Path manifest;
    private final Duration maxAge;
    private final Clock clock;

    @Autowired
    public PublicationHealthIndicator(ImpactmonitorProperties props,
                                      @Value("${impactmonitor.health.publication-max-age:36h}") Duration maxAge) {
        this(props.resolve(props.outDir()).resolve(Publisher.LATEST).resolve("manifest.json"), maxAge, Clock.systemUTC());
    }

    PublicationHealthIndicator(Path manifest, Duration maxAge, Clock clock) {
        super("publication health check failed");
        this.manifest = manifest;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("manifest", manifest.toString()).withDetail("maxAge", maxAge.toString());
        if (!Files.isRegularFile(manifest)) {
            builder.status(Status.UNKNOWN).withDetail("publishedAt", "no publication yet");
            return;
        }
        JsonNode json = JsonMapper.builder().build().readTree(manifest.toFile());
        String published = json.path("published_at").stringValue(null);
        if (published == null) {
            builder.down().withDetail("error", "manifest has no published_at");
            return;
        }
        Instant publishedAt = Instant.parse(published);
        Duration age = Duration.between(publishedAt, clock.instant());
        builder.withDetail("runId", json.path("run_id").stringValue(""))
                .withDetail("publishedAt", publishedAt.toString())
                .withDetail("age", age.withNanos(0).toString());
        if (age.compareTo(maxAge) <= 0) {
            builder.up();
        } else {
            builder.down().withDetail("error", "latest publication is older than " + maxAge);
        }
    }
}
