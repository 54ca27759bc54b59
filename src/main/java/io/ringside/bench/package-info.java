/**
 * Benchmarks of the core, run by {@code ringside bench ...}. They use the product's public API
 * only; no product package depends on them.
 */
package io.ringside.bench;
