package io.ringside;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the house style asks for, checked on the compiled classes. The package boundaries
 * are {@link ArchitectureRules}; {@link ArchitectureRulesTest} shows each failing when broken.
 */
@AnalyzeClasses(packages = "io.ringside", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.ringside";

    @ArchTest
    static final ArchRule coreKnowsNothingOfJavaFx = noClasses()
            .that().resideInAPackage("io.ringside.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core is shared by the CLI and tests that run without a toolkit");

    @ArchTest
    static final ArchRule viewModelsStayOffTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view-models are tested without a toolkit; views own the nodes");

    @ArchTest
    static final ArchRule uiKnowsNothingOfDrivers = noClasses()
            .that().resideInAPackage("io.ringside.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.datastax..", "redis.clients..", "org.apache.kafka..")
            .because("the console reaches servers only through io.ringside.core");

    @ArchTest
    static final ArchRule layersFreeOfCycles = ArchitectureRules.layersFreeOfCycles(ROOT);

    @ArchTest
    static final ArchRule packagesFreeOfCycles = ArchitectureRules.packagesFreeOfCycles(ROOT);

    @ArchTest
    static final ArchRule uiFeaturesIndependent = ArchitectureRules.uiFeaturesIndependent(ROOT);

    @ArchTest
    static final ArchRule uiFeaturesStayBelowTheFrame = ArchitectureRules.uiFeaturesStayBelowTheFrame(ROOT);

    @ArchTest
    static final ArchRule uiSharedCodeKnowsNoFeature = ArchitectureRules.uiSharedCodeKnowsNoFeature(ROOT);

    @ArchTest
    static final ArchRule coreFreeOfConsoleAndCli = ArchitectureRules.coreFreeOfConsoleAndCli(ROOT);

    @ArchTest
    static final ArchRule cliReachesConsoleOnlyThroughLauncher =
            ArchitectureRules.cliReachesConsoleOnlyThroughLauncher(ROOT);

    @ArchTest
    static final ArchRule productFreeOfBenchmarks = ArchitectureRules.productFreeOfBenchmarks(ROOT);

    @ArchTest
    static final ArchRule benchmarksLiveInBench = ArchitectureRules.benchmarksLiveInBench(ROOT);
}
