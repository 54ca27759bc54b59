/** {@code ringside bench ...}: the commands that run the benchmarks. */
package io.ringside.bench.cli;
