package dev.hoist.core.advice;

import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;

import java.util.List;

/**
 * One ranked piece of advice: a static {@link Finding} joined to what the profile measured in its
 * loop. {@code evidence} says in words which profile facts raised or lowered {@code confidence}
 * (for example "ArrayList.grow sampled under this allocation site: 12% of the loop's bytes").
 * Advice is ranked by the loop's measured share, highest first ({@code rank} 1 is the top).
 */
public record Advice(int rank, Finding finding, LoopCost cost, Confidence confidence, List<String> evidence) {

    public Advice {
        evidence = List.copyOf(evidence);
    }

    /** The key the advice is ranked by, 0..1 of the recording: see {@link LoopCost#rankingShare(boolean)}. */
    public double rankingShare() {
        return Advisor.rankingShare(finding.rule(), cost);
    }
}
