package io.ringside;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each boundary rule fails on the fixture class that breaks it, naming that class. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "io.ringside.archfixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aCycleBetweenLayersIsFound() {
        String report = violations(ArchitectureRules.layersFreeOfCycles(FIXTURE));
        assertTrue(report.contains("ExportCommand") && report.contains("ImportTimer"), report);
    }

    @Test
    void aCycleBetweenPackagesIsFound() {
        String report = violations(ArchitectureRules.packagesFreeOfCycles(FIXTURE));
        assertTrue(report.contains("CacheView") && report.contains("JobsView"), report);
    }

    @Test
    void aCycleBetweenCorePackagesIsFound() {
        String report = violations(ArchitectureRules.packagesFreeOfCycles(FIXTURE));
        assertTrue(report.contains("Profile.store") && report.contains("Store.profile"), report);
    }

    @Test
    void aFeatureUsingAnotherIsFound() {
        String report = violations(ArchitectureRules.uiFeaturesIndependent(FIXTURE));
        assertTrue(report.contains("CacheView.jobs"), report);
        assertFalse(report.contains("StackView"), "a frame page is no feature: " + report);
    }

    @Test
    void aFeatureUsingTheFrameIsFound() {
        String report = violations(ArchitectureRules.uiFeaturesStayBelowTheFrame(FIXTURE));
        assertTrue(report.contains("StackView.frame"), report);
    }

    @Test
    void sharedCodeUsingAFeatureIsFound() {
        String report = violations(ArchitectureRules.uiSharedCodeKnowsNoFeature(FIXTURE));
        assertTrue(report.contains("Palette.stack"), report);
    }

    @Test
    void coreUsingTheConsoleIsFound() {
        String report = violations(ArchitectureRules.coreFreeOfConsoleAndCli(FIXTURE));
        assertTrue(report.contains("ReachesConsole.launcher"), report);
    }

    @Test
    void cliPastTheLauncherIsFound() {
        String report = violations(ArchitectureRules.cliReachesConsoleOnlyThroughLauncher(FIXTURE));
        assertTrue(report.contains("ShotCommand.view"), report);
        assertFalse(report.contains("ShotCommand.launcher"), "the launcher is the way in: " + report);
    }

    @Test
    void productUsingABenchmarkIsFound() {
        String report = violations(ArchitectureRules.productFreeOfBenchmarks(FIXTURE));
        assertTrue(report.contains("ExportCommand.timer"), report);
    }

    @Test
    void aBenchmarkOutsideBenchIsFound() {
        String report = violations(ArchitectureRules.benchmarksLiveInBench(FIXTURE));
        assertTrue(report.contains("core.LoadBenchmark"), report);
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertTrue(result.hasViolation(), "no violation of: " + rule.getDescription());
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
