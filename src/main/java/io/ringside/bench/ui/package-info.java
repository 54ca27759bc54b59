/** Benchmarks of console pages against a real stack, and the FX-thread pause monitor they share. */
package io.ringside.bench.ui;
