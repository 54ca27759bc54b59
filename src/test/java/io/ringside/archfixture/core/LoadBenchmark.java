package io.ringside.archfixture.core;

/** Breaks: benchmarks only in bench. */
final class LoadBenchmark {
}
