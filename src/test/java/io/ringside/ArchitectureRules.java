package io.ringside;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The package boundaries, as rules over a root package, so {@link ArchitectureTest} checks them on
 * the product and {@link ArchitectureRulesTest} shows each one failing on a fixture that breaks it.
 */
final class ArchitectureRules {

    /** The ui packages that combine features (the composition root and the frame pages). */
    static final Set<String> UI_FRAME = Set.of("app", "shell", "welcome");
    /** The ui packages every feature may use, and which use no feature. */
    static final Set<String> UI_SHARED = Set.of("theme", "settings", "util");
    /**
     * The one benchmark left in a product package: it drives the job runner and reporter, which
     * are package-private, in process.
     */
    static final String BENCHMARK_IN_PRODUCT = "core.jobs.ProgressBenchmark";

    private ArchitectureRules() {
    }

    /** The core, the console, the CLI and the benchmarks, as four slices. */
    static ArchRule layersFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a cycle makes two layers one, and the rules below mean nothing");
    }

    /** Every package its own slice, the core's as well as the console's and the CLI's. */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a cycle makes two packages one, and the boundaries below mean nothing");
    }

    /** Every ui package that is neither frame nor shared is a feature; a new package is one by default. */
    static ArchRule uiFeaturesIndependent(String root) {
        String ui = root + ".ui.";
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!javaClass.getPackageName().startsWith(ui)) {
                    return SliceIdentifier.ignore();
                }
                String top = javaClass.getPackageName().substring(ui.length()).split("\\.")[0];
                return UI_FRAME.contains(top) || UI_SHARED.contains(top)
                        ? SliceIdentifier.ignore() : SliceIdentifier.of(top);
            }

            @Override
            public String getDescription() {
                return "feature packages of " + ui + "*";
            }
        }).should().notDependOnEachOther()
                .because("a feature talks to the rest through its gateway; MainWindow wires features together");
    }

    static ArchRule uiFeaturesStayBelowTheFrame(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .and().resideOutsideOfPackages(packages(root + ".ui.", UI_FRAME))
                .should().dependOnClassesThat().resideInAnyPackage(packages(root + ".ui.", UI_FRAME))
                .because("the composition root and the frame pages use features, never the other way round");
    }

    static ArchRule uiSharedCodeKnowsNoFeature(String root) {
        String[] shared = packages(root + ".ui.", UI_SHARED);
        return noClasses().that().resideInAnyPackage(shared)
                .should().dependOnClassesThat(resideInAPackage(root + ".ui..").and(not(resideInAnyPackage(shared))))
                .because("theme, settings and util are shared by every feature, so they cannot know one");
    }

    static ArchRule coreFreeOfConsoleAndCli(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".ui..", root + ".cli..", root + ".bench..")
                .because("the core serves the console, the CLI and the workers alike");
    }

    /** The launcher, and the values its methods take and return. */
    static ArchRule cliReachesConsoleOnlyThroughLauncher(String root) {
        DescribedPredicate<JavaClass> launcher = classNamed(root + ".ui.app.ConsoleLauncher")
                .or(classNamed(root + ".ui.app.SnapshotResult"))
                .or(classNamed(root + ".ui.settings.TrendPreset"));
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat(resideInAPackage(root + ".ui..").and(not(launcher)))
                .because("the console's pages change without the CLI noticing");
    }

    static ArchRule productFreeOfBenchmarks(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".ui..", root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bench..")
                .because("benchmarks use the product; only Main registers the bench command");
    }

    static ArchRule benchmarksLiveInBench(String root) {
        return classes().that().haveSimpleNameContaining("Bench")
                .and().doNotHaveFullyQualifiedName(root + "." + BENCHMARK_IN_PRODUCT)
                .should().resideInAPackage(root + ".bench..")
                .because("benchmark code stays out of product packages");
    }

    /** The class or one nested in it. */
    private static DescribedPredicate<JavaClass> classNamed(String name) {
        return DescribedPredicate.describe(name, c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }

    private static String[] packages(String prefix, Set<String> names) {
        return names.stream().sorted().map(n -> prefix + n + "..").toList().toArray(String[]::new);
    }
}
