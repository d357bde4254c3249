/**
 * Load runs of the public API, each measured against a baseline in the same run: intake throughput,
 * bulk import, heap per request, the deadline sweep, search latency of the built-in index and
 * suggestion latency for a request, mostly on PostgreSQL. {@code BenchmarkMain} runs them and writes
 * the results and a Markdown summary. The benchmarks use only the public API, the SPI and the
 * providers they discover, never the engine's internals, so they measure what an application gets.
 */
package dev.supportkit.benchmarks;
