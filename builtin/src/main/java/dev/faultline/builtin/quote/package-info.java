/**
 * The quote service ({@code --faultline.service=quote}): each {@code GET /quote} fetches a part
 * from its downstream over HTTP and records it in a small shared {@link
 * dev.faultline.builtin.quote.QuoteBook}, whose monitor guards it. Variants: {@code outside-lock}
 * (call first, then lock only to record) and the buggy twin {@code coarse-lock} (one {@code
 * synchronized} block around the call too: under downstream latency every request waits for the one
 * before it, and a profile shows them all blocked on the QuoteBook).
 */
package dev.faultline.builtin.quote;
