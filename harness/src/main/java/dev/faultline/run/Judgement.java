package dev.faultline.run;

import dev.faultline.report.Verdict;

/**
 * A run's verdict and the one sentence that explains it, as judged for a scheduled run ({@code
 * Verdicts}) or a game day; the record of the run carries both.
 *
 * @param verdict whether the run met its experiment's expectation
 * @param sentence the verdict in one sentence, the first thing a reader sees
 */
public record Judgement(Verdict verdict, String sentence) {}
