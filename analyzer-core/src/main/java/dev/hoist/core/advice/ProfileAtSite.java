package dev.hoist.core.advice;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.SiteProfile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SiteProfile} a rule judges its finding by: the profile read at the finding's site
 * bytecode indexes in the innermost frame of the finding's method. Lists are computed when a rule
 * first asks for them.
 */
final class ProfileAtSite implements SiteProfile {
    private final Profile profile;
    private final EventKind kind;
    private final MethodQuery query;
    private final MethodRef method;
    private final BitSet site;
    private final BitSet loop;
    private final SiteCost cost;
    private final LoopCost loopCost;
    private final MethodFacts facts;
    private final long[] weights;

    ProfileAtSite(Profile profile, EventKind kind, MethodQuery query, MethodRef method, BitSet site, BitSet loop,
                  SiteCost cost, LoopCost loopCost, MethodFacts facts, long[] weights) {
        this.profile = profile;
        this.kind = kind;
        this.query = query;
        this.method = method;
        this.site = site;
        this.loop = loop;
        this.cost = cost;
        this.loopCost = loopCost;
        this.facts = facts;
        this.weights = weights;
    }

    @Override
    public String kind() {
        return cost.kind();
    }

    @Override
    public long samples() {
        return cost.samples();
    }

    @Override
    public long loopSamples() {
        return loopCost.inclusiveSamples();
    }

    @Override
    public long allocSamples() {
        return cost.allocSamples();
    }

    @Override
    public long allocBytes() {
        return cost.allocBytes();
    }

    @Override
    public boolean allocationsRecorded() {
        return cost.totalAllocBytes() > 0;
    }

    @Override
    public List<Callee> callees() {
        int m = profile.methodIndex(method);
        if (m < 0 || kind == null || weights == null) return List.of();
        Map<String, Callee> keys = new LinkedHashMap<>();
        Map<String, long[]> acc = new LinkedHashMap<>();
        for (int s : profile.stacksContaining(m)) {
            if (weights[s] == 0) continue;
            int[] frames = profile.stackFrames(s);
            int k = innermost(frames, m);
            Frame own = profile.frame(frames[k]);
            if (own.bci() < 0 || !site.get(own.bci())) continue;
            for (int j = k - 1; j >= 0; j--) {
                Frame f = profile.frame(frames[j]);
                // native and JIT-stub frames (itable/vtable stubs) are skipped: the receiver's body is the frame below
                if (f.type().isJava() && !f.method().className().isEmpty()) {
                    String key = f.method() + "|" + f.type();
                    keys.putIfAbsent(key, new Callee(f.method(), f.type(), 0));
                    acc.computeIfAbsent(key, x -> new long[1])[0] += weights[s];
                    break;
                }
            }
        }
        List<Callee> out = new ArrayList<>();
        keys.forEach((key, c) -> out.add(new Callee(c.method(), c.type(), acc.get(key)[0])));
        out.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        return out;
    }

    @Override
    public Map<FrameType, Long> loopFrameTypes() {
        Map<FrameType, Long> out = new EnumMap<>(FrameType.class);
        int m = profile.methodIndex(method);
        if (m < 0 || kind == null || weights == null) return out;
        for (int s : profile.stacksContaining(m)) {
            if (weights[s] == 0) continue;
            int[] frames = profile.stackFrames(s);
            Frame own = profile.frame(frames[innermost(frames, m)]);
            if (own.bci() >= 0 && loop.get(own.bci())) out.merge(own.type(), weights[s], Long::sum);
        }
        return out;
    }

    @Override
    public List<Alloc> allocatedTypes() {
        if (query == null) return List.of();
        return query.allocationsByType(site).stream().map(a -> new Alloc(a.name(), a.bytes(), a.samples())).toList();
    }

    @Override
    public List<Alloc> allocatingMethods() {
        if (query == null) return List.of();
        return query.allocationCallees(site).stream().map(a -> new Alloc(a.name(), a.bytes(), a.samples())).toList();
    }

    @Override
    public MethodFacts facts() {
        return facts;
    }

    @Override
    public List<CallSite> siteCalls() {
        if (facts == null) return List.of();
        List<CallSite> out = new ArrayList<>();
        for (CallSite c : facts.calls()) {
            int b = facts.bci(c.insn());
            if (b >= 0 && site.get(b)) out.add(c);
        }
        return out;
    }

    @Override
    public LockWaits lockWaits() {
        boolean recorded = profile.sampleCounts().containsKey(EventKind.LOCK);
        int m = profile.methodIndex(method);
        if (!recorded || m < 0) return new LockWaits(recorded, 0, 0);
        BitSet atSite = new BitSet();
        for (int s : profile.stacksContaining(m)) {
            int[] frames = profile.stackFrames(s);
            Frame own = profile.frame(frames[innermost(frames, m)]);
            if (own.bci() >= 0 && site.get(own.bci())) atSite.set(s);
        }
        long events = 0;
        long nanos = 0;
        for (int i = 0; i < profile.size(); i++) {
            if (profile.kind(i) == EventKind.LOCK && atSite.get(profile.stack(i))) {
                events++;
                nanos += profile.weight(i);
            }
        }
        return new LockWaits(true, events, nanos);
    }

    private int innermost(int[] frames, int m) {
        for (int j = 0; j < frames.length; j++) {
            if (profile.frame(frames[j]).methodIndex() == m) return j;
        }
        return -1;
    }
}
