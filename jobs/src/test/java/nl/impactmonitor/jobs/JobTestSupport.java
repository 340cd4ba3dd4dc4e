package nl.impactmonitor.jobs;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at temp folders for var/ while using the project's sql/ and config/. */
public final class JobTestSupport {

    private JobTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, Path home, Path spendInbox) {
        register(registry, home, spendInbox, home.resolve("inbox/tender"));
    }

    public static void register(DynamicPropertyRegistry registry, Path home, Path spendInbox, Path tenderInbox) {
        register(registry, home, spendInbox, tenderInbox, home.resolve("inbox/result"));
    }

    public static void register(DynamicPropertyRegistry registry, Path home, Path spendInbox, Path tenderInbox, Path resultInbox) {
        registry.add("impactmonitor.result.inbox", resultInbox::toString);
        registry.add("impactmonitor.tender.inbox", tenderInbox::toString);
        registry.add("impactmonitor.home", home::toString);
        registry.add("impactmonitor.sql-dir", TestProject.SQL::toString);
        registry.add("impactmonitor.reference-dir", TestProject.REFERENCE::toString);
        registry.add("impactmonitor.targets-file", () -> TestProject.DIR.resolve("config/targets.yaml").toString());
        registry.add("impactmonitor.spend.inbox", spendInbox::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + home.resolve("jobrepo/batch"));
    }
}
