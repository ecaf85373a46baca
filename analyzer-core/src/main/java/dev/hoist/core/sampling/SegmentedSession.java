package dev.hoist.core.sampling;

import dev.hoist.core.jvm.JvmInfo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A sampling session that can be paused, resumed and restarted with more events while its
 * recording stays one file: {@code hoist attach}'s pause key and its switch to an event that was
 * not sampled at start. Each stretch of sampling is a sampler session of its own (the profiler is
 * stopped in the target while paused, not only the screen); the first writes the recording itself,
 * each later one a part file beside it whose complete chunks are appended to the recording as they
 * come ({@link #flush}, called before each read of the recording) and when it stops. A JFR file is
 * a sequence of self-contained chunks, so the recording is readable after every append and a
 * reader following it sees one growing recording, its samples counted on across the pauses.
 * Without a pause or a restart it is the first session and nothing more.
 */
public final class SegmentedSession implements SamplingSession {

    private final JvmInfo target;
    private final SamplingRequest base;
    private final Samplers.Choice firstChoice;
    private final Function<SamplingRequest, SamplingSession> starter;
    private final List<SamplingResult> done = new ArrayList<>();
    private final ProcessHandle process;
    private SamplingSession current;
    private SamplingRequest currentRequest;
    private Path part;
    private long partLastChunk = Long.MIN_VALUE;
    private int parts;
    private Duration sampledBefore = Duration.ZERO;
    private SamplingResult result;
    private Path firstLiveFile;

    private SegmentedSession(JvmInfo target, SamplingRequest request, Samplers.Choice choice,
                             Function<SamplingRequest, SamplingSession> starter) {
        this.target = target;
        this.base = request;
        this.firstChoice = choice;
        this.starter = starter;
        this.process = ProcessHandle.of(target.pid()).orElse(null);
        this.currentRequest = request;
    }

    /** Starts the first stretch with the chosen sampler ({@link Samplers#start}). */
    public static SegmentedSession start(JvmInfo target, SamplingRequest request, Samplers.Choice choice) {
        return start(target, request, choice, r -> Samplers.start(target, r, choice));
    }

    static SegmentedSession start(JvmInfo target, SamplingRequest request, Samplers.Choice choice,
                                  Function<SamplingRequest, SamplingSession> starter) {
        SegmentedSession s = new SegmentedSession(target, request, choice, starter);
        s.current = starter.apply(request);
        s.firstLiveFile = s.current.liveFile();
        return s;
    }

    @Override
    public JvmInfo target() {
        return target;
    }

    /** The request of the stretch under way (or the last one while paused), with the recording's own path. */
    @Override
    public synchronized SamplingRequest request() {
        return currentRequest.withOutput(base.output()).withDuration(base.duration());
    }

    /**
     * The file to follow: the first stretch's (a folder handed to the target's user when it is another
     * user's JVM, copied to the recording when the stretch stops); later stretches append to the recording.
     */
    @Override
    public Path liveFile() {
        return firstLiveFile;
    }

    /** The time sampled: paused stretches do not count. */
    @Override
    public synchronized Duration elapsed() {
        return current == null ? sampledBefore : sampledBefore.plus(current.elapsed());
    }

    @Override
    public Duration remaining() {
        Duration left = base.duration().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public boolean targetAlive() {
        return process != null && process.isAlive();
    }

    /** Whether sampling is paused: no profiler runs in the target. */
    public synchronized boolean paused() {
        return current == null && result == null;
    }

    /**
     * Stops the profiler in the target and keeps what it recorded; {@link #resume} goes on into the
     * same recording. Nothing happens when paused or stopped already.
     */
    public synchronized void pause() {
        if (current == null || result != null) {
            return;
        }
        SamplingSession s = current;
        current = null;
        absorb(s.stop());
    }

    /**
     * Starts sampling again into the same recording, with {@code events} (a pause and a resume when
     * sampling runs); the first stretch's sampler is used again.
     *
     * @throws dev.hoist.core.HoistException when the sampler cannot start (the session stays paused)
     */
    public synchronized void resume(Set<SamplingEvent> events) {
        if (result != null) {
            return;
        }
        pause();
        parts++;
        String name = base.output().getFileName().toString().replaceFirst("\\.jfr$", "");
        part = base.output().resolveSibling(name + ".part" + parts + ".jfr");
        partLastChunk = Long.MIN_VALUE;
        SamplingRequest r = base.withEvents(EnumSet.copyOf(events)).withOutput(part).withDuration(remaining());
        Samplers.Choice again = done.isEmpty() || !done.get(0).sampler().startsWith("jfr") ? firstChoice : Samplers.Choice.JFR;
        SamplingSession s = again == firstChoice ? starter.apply(r) : Samplers.start(target, r, again);
        current = s;
        currentRequest = r;
    }

    /** Appends the part file's new complete chunks to the recording; a no-op in the first stretch or paused. */
    public synchronized void flush() {
        if (part == null || !Files.exists(part)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.READ)) {
            long[] last = JfrChunks.appendNew(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()), partLastChunk, base.output());
            if (last != null) {
                partLastChunk = last[0];
            }
        } catch (IOException e) {
            // the part is complete when its stretch stops, and appended then
        }
    }

    /** Takes in a stretch that stopped: its time, its result, and its part file's remaining chunks. */
    private void absorb(SamplingResult r) {
        sampledBefore = sampledBefore.plus(r.duration());
        done.add(r);
        if (part != null) {
            flush();
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // a leftover part is a copy of chunks the recording already holds
            }
            part = null;
        }
    }

    @Override
    public SamplingResult awaitResult() throws InterruptedException {
        while (true) {
            SamplingSession s;
            synchronized (this) {
                if (result != null) {
                    return result;
                }
                s = current;
                if (s == null) {
                    wait(200); // paused: woken by stop, or checking on the target
                    if (!targetAlive()) {
                        return stop();
                    }
                    continue;
                }
            }
            s.awaitResult();
            synchronized (this) {
                if (s == current) {
                    // the stretch ended by itself (time is up, the target exited), not by a pause
                    return stop();
                }
            }
        }
    }

    @Override
    public synchronized SamplingResult stop() {
        if (result != null) {
            return result;
        }
        if (current != null) {
            SamplingSession s = current;
            current = null;
            try {
                absorb(s.stop());
            } finally {
                notifyAll();
            }
        }
        SamplingResult first = done.get(0);
        Set<SamplingEvent> events = EnumSet.noneOf(SamplingEvent.class);
        Set<String> notes = new LinkedHashSet<>();
        boolean exited = false;
        for (SamplingResult r : done) {
            events.addAll(r.events());
            notes.addAll(r.notes());
            exited |= r.targetExited();
        }
        if (done.size() > 1) {
            exited |= !targetAlive();
        }
        Path file = done.size() == 1 ? first.file() : Files.exists(base.output()) ? base.output() : null;
        result = new SamplingResult(first.sampler(), first.engine(), events, file, sampledBefore, exited, List.copyOf(notes));
        notifyAll();
        return result;
    }
}
