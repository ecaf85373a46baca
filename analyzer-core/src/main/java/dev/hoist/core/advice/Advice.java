package dev.hoist.core.advice;

import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;

import java.util.List;

/**
 * One ranked piece of advice: a static {@link Finding} joined to what the profile measured at its
 * site ({@link SiteCost}, what fixing it can save) and in its loop ({@link LoopCost}, context).
 * {@code evidence} says in words which profile facts raised or lowered {@code confidence}, and
 * {@code effect} what the rule concluded from them. Advice is ranked by the site's saving, highest
 * first ({@code rank} 1 is the top); advice whose cost the JIT already removes comes after the rest.
 * When the finding sits in a method without loops that a sampled loop calls, {@code via} names that
 * loop and the calls between (else null): the waste is paid once per iteration there.
 */
public record Advice(int rank, Finding finding, LoopCost cost, SiteCost site, Judgement.Effect effect,
                     Confidence confidence, List<String> evidence, CallerLoop via) {

    public Advice {
        evidence = List.copyOf(evidence);
        // a session saved before sites were measured has neither: its loop stands in
        if (site == null) site = SiteCost.ofLoop(cost, false);
        if (effect == null) effect = Judgement.Effect.UNDECIDED;
    }

    /** Advice measured at its loop only (saved before sites were measured, or shown without a profile). */
    public Advice(int rank, Finding finding, LoopCost cost, Confidence confidence, List<String> evidence) {
        this(rank, finding, cost, SiteCost.ofLoop(cost, false), Judgement.Effect.UNDECIDED, confidence, evidence, null);
    }

    /** The key the advice is ranked by, 0..1 of the recording: what fixing the site can save ({@link SiteCost#savingShare()}). */
    public double rankingShare() {
        return site.savingShare();
    }

    /** Whether the profile says the JIT already removes most of this cost. */
    public boolean jitRemoves() {
        return effect == Judgement.Effect.JIT_REMOVES;
    }

    Advice ranked(int newRank) {
        return new Advice(newRank, finding, cost, site, effect, confidence, evidence, via);
    }
}
