package dev.hoist.core.advice;

import dev.hoist.core.profile.FrameType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evidence lines every advice gets whatever its rule: what was measured at the site and in
 * its loop, how the JIT ran the loop, and whether the site has enough samples to rank it.
 */
final class Measured {
    /** Samples at a site below which its share is too uncertain to call the advice sure. */
    static final long ENOUGH = 20;

    private Measured() {
    }

    static String line(SiteCost site, LoopCost loop, Map<FrameType, Long> own, boolean callOverhead) {
        StringBuilder b = new StringBuilder("measured: ");
        if (site.totalSamples() > 0) {
            b.append(pct(site.timeShare())).append(" of ").append(site.kind())
                    .append(callOverhead ? " samples in the call itself (the caller at the call, dispatch stubs; not the callee's work) ("
                            : " samples at the site (")
                    .append(site.samples()).append("), in a loop that holds ").append(pct(loop.inclusiveShare()))
                    .append(" (").append(loop.inclusiveSamples()).append(')');
        }
        if (site.totalAllocBytes() > 0) {
            if (site.totalSamples() > 0) b.append("; ");
            b.append(pct(site.allocShare())).append(" of allocated bytes at the site (").append(site.allocSamples())
                    .append(" samples), ").append(pct(loop.allocShare())).append(" in the loop");
        }
        String mode = jitMode(own);
        if (!mode.isEmpty()) b.append("; ").append(mode);
        return b.toString();
    }

    /**
     * A line saying the site has too few samples to rank surely, and how many samples in the whole
     * recording would give it enough; null when it has enough.
     */
    static String tooFew(SiteCost site) {
        long most = Math.max(site.samples(), site.allocSamples());
        if (most >= ENOUGH) return null;
        long total = site.samples() >= site.allocSamples() ? site.totalSamples() : 0;
        String need = "";
        if (total > 0 && site.samples() > 0) {
            long want = (long) Math.ceil((double) ENOUGH * total / site.samples());
            need = "; about " + want + " " + site.kind() + " samples in all (sample longer or at a shorter interval) would give it " + ENOUGH;
        }
        return "few samples: only " + most + " at the site, too few to rank it surely" + need;
    }

    static String jitMode(Map<FrameType, Long> own) {
        long total = own.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) return "";
        long c2 = own.getOrDefault(FrameType.JIT_COMPILED, 0L) + own.getOrDefault(FrameType.INLINED, 0L);
        long c1 = own.getOrDefault(FrameType.C1_COMPILED, 0L);
        long interp = own.getOrDefault(FrameType.INTERPRETED, 0L);
        List<String> parts = new ArrayList<>();
        if (c2 > 0) parts.add(pct((double) c2 / total) + " compiled");
        if (c1 > 0) parts.add(pct((double) c1 / total) + " C1");
        if (interp > 0) parts.add(pct((double) interp / total) + " interpreted");
        return parts.isEmpty() ? "" : "the loop ran " + String.join(", ", parts);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
