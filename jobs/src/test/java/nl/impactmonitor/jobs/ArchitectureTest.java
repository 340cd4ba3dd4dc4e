package nl.impactmonitor.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The feature packages of jobs/ depend on each other without cycles. {@code system} (settings, the warehouse bean,
 * the writer) is at the bottom: nothing in it may use {@code operations}, {@code cluster} or any package above it,
 * which were the cycles system <-> operations and system <-> cluster. The sample generators and the benchmark live in
 * tools/ and nothing here may refer to them.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.impactmonitor.jobs");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("nl.impactmonitor.jobs.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void systemUsesNoFeaturePackage() {
        noClasses().that().resideInAPackage("nl.impactmonitor.jobs.system..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.impactmonitor.jobs.operations..",
                        "nl.impactmonitor.jobs.cluster..", "nl.impactmonitor.jobs.admin..", "nl.impactmonitor.jobs.cli..",
                        "nl.impactmonitor.jobs.schedule..", "nl.impactmonitor.jobs.pipeline..", "nl.impactmonitor.jobs.landing..")
                .check(CLASSES);
    }

    @Test
    void theServiceDoesNotReferToTheTools() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.impactmonitor.tools..", "nl.impactmonitor.jobs.samples..",
                "nl.impactmonitor.jobs.bench..").check(CLASSES);
    }
}
