/**
 * The aggregator ({@code --faultline.service=aggregator}): fans {@code GET /aggregate} out to every
 * downstream in {@code faultline.aggregator.downstreams} in parallel, Java's errgroup with a
 * context deadline. Variants: {@code deadline} (answers within the deadline with partial results
 * and cancels the calls still running), and two buggy twins: {@code no-deadline} (waits for every
 * call: hangs under latency) and {@code no-cancel} (answers on time but leaves the calls running on
 * their threads: a thread leak under a hanging downstream).
 */
package dev.faultline.builtin.aggregator;
