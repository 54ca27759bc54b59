/**
 * Classes that break each boundary of {@code ArchitectureRules} on purpose, laid out like the
 * product's packages, for {@code ArchitectureRulesTest}. Never imported by {@code ArchitectureTest},
 * which reads main classes only.
 */
package io.ringside.archfixture;
