package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A session that ran on the fallback sampler; adds why to the result's notes. */
final class FallbackSession implements SamplingSession {
    private final SamplingSession inner;
    private final List<String> why;

    FallbackSession(SamplingSession inner, List<String> why) {
        this.inner = inner;
        this.why = why;
    }

    @Override public JvmInfo target() { return inner.target(); }
    @Override public SamplingRequest request() { return inner.request(); }
    @Override public Duration elapsed() { return inner.elapsed(); }
    @Override public Duration remaining() { return inner.remaining(); }
    @Override public boolean targetAlive() { return inner.targetAlive(); }

    @Override
    public SamplingResult awaitResult() throws InterruptedException {
        return annotate(inner.awaitResult());
    }

    @Override
    public SamplingResult stop() {
        return annotate(inner.stop());
    }

    private SamplingResult annotate(SamplingResult r) {
        List<String> notes = new ArrayList<>(why);
        notes.addAll(r.notes());
        return new SamplingResult(r.sampler(), r.engine(), r.events(), r.file(), r.duration(), r.targetExited(), notes);
    }
}
