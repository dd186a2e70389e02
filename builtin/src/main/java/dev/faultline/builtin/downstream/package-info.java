/**
 * The downstream service ({@code --faultline.service=downstream}): answers {@code GET /work?ms=N}
 * after about N ms of simulated work. The aggregator fans out to several of these (through the
 * harness's proxies). It has a single variant, {@code default}.
 */
package dev.faultline.builtin.downstream;
