package dev.hoist.core.rule;

import dev.hoist.core.facts.MethodFacts;
import java.util.List;

/**
 * A loop rule: a short, stateless predicate over the {@link MethodFacts} of one method plus the
 * words of its advice. Implementations are found with {@link java.util.ServiceLoader} and must
 * have a public no-argument constructor; the id is kebab-case and stable, and the class name is
 * the id in UpperCamelCase plus {@code Rule}.
 */
public interface Rule {
    /** Stable kebab-case id, for example {@code invariant-field-in-loop}. */
    String id();

    /** One-line title for reports. */
    String title();

    /** The JVM mechanism that makes the pattern cost something, in two or three sentences. */
    String mechanism();

    /** The findings in one method; only called for methods that contain at least one loop. */
    List<Finding> check(MethodFacts facts);

    /** What fixing a finding of this rule saves: time at the site, or time plus the garbage it makes. */
    default CostKind costKind() {
        return CostKind.TIME;
    }

    /**
     * What fixing this finding saves, when a rule's findings differ: a tuple a callee returns is
     * measured at the call as the call's own cost, not as everything the callee does, which fixing
     * the tuple does not remove. By default {@link #costKind()}.
     */
    default CostKind costKind(Finding finding) {
        return costKind();
    }

    /**
     * The part of the site's cost that fixing this finding removes, when that is not everything under
     * the site: sizing a collection removes its growth copies, not the elements it adds. The site is
     * then measured by the samples and bytes with one of {@link SavedPart#callees()} between the site
     * and the leaf, times {@link SavedPart#share()}. Null (the default): the whole site, as
     * {@link #costKind(Finding)} says.
     */
    default SavedPart savedPart(Finding finding) {
        return null;
    }

    /**
     * What the profile at the finding's site says about it: confirmed (raise the confidence),
     * removed by the JIT (rank it below the advice whose cost is real), or contradicted (drop it).
     * Only called when the site drew samples. The default keeps the rule's static confidence.
     */
    default Judgement judge(Finding finding, SiteProfile site) {
        return Judgement.undecided(finding.confidence());
    }
}
