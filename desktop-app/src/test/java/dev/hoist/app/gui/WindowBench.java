package dev.hoist.app.gui;

import dev.hoist.app.gui.view.FlameGraphView;
import dev.hoist.app.gui.view.MainWindow;
import dev.hoist.app.gui.vm.FlameGraphViewModel;
import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.Workers;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileBuilder;
import dev.hoist.core.profile.ProfileInfo;
import dev.hoist.core.profile.SamplerKind;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timings of the window, run by hand (not a unit test; figures in the README):
 * <ul>
 * <li>{@code flame [nodes] [samples] [steps]}: a synthetic profile with about {@code nodes} flame
 * graph nodes and {@code samples} samples, drawn in a 1400x800 flame graph; then {@code steps}
 * zooms (into random visible frames, out, reset). Prints the time of each redraw (building the
 * canvas commands) and of each zoom until the next pulse has rendered, as median, p95 and max.</li>
 * <li>{@code open <recording>}: opens the recording in the real window and prints the time until
 * the advice is shown, the longest stall of the UI thread meanwhile (a probe posted every 10 ms),
 * and the heap in use after a GC.</li>
 * </ul>
 * Run it under Xvfb for the real GTK window, or with the Monocle properties of the test setup.
 */
public final class WindowBench {

    public static void main(String[] args) throws Exception {
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        try {
            switch (args.length == 0 ? "flame" : args[0]) {
                case "flame" -> flame(intArg(args, 1, 100_000), intArg(args, 2, 1_000_000), intArg(args, 3, 200));
                case "open" -> {
                    // twice in one window, as a user opens one recording after another: the first also
                    // pays for loading the session view's classes, the second shows whether the first is freed
                    open(Path.of(args[1]), 2);
                    Thread.sleep(Long.getLong("bench.hold", 0) * 1000);
                }
                default -> System.err.println("usage: WindowBench flame [nodes] [samples] [steps] | open <recording>");
            }
        } finally {
            Platform.exit();
        }
    }

    private static int intArg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i]) : def;
    }

    /** A random call tree with {@code nodes} distinct frames and {@code samples} samples spread Zipf-like over its paths. */
    static Profile synthetic(int nodes, int samples, long seed) {
        Random r = new Random(seed);
        int[] parent = new int[nodes];
        int[] depth = new int[nodes];
        parent[0] = -1;
        for (int i = 1; i < nodes; i++) {
            // prefer recent nodes as parents: deep, narrow stacks as in real programs, with some wide fan-out
            int p = r.nextInt(4) == 0 ? r.nextInt(i) : Math.max(0, i - 1 - r.nextInt(Math.min(i, 50)));
            parent[i] = p;
            depth[i] = depth[p] + 1;
        }
        ProfileBuilder b = new ProfileBuilder();
        int thread = b.thread("main", 1);
        FrameType[] types = {FrameType.JIT_COMPILED, FrameType.JIT_COMPILED, FrameType.INLINED, FrameType.INTERPRETED,
                FrameType.NATIVE, FrameType.C1_COMPILED};
        int[] frame = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            int m = b.method("com.example.pkg" + (i % 97) + ".Class" + (i % 1013), "m" + i, "()V");
            frame[i] = b.frame(m, 10 + i % 300, i % 200, types[i % types.length]);
        }
        int[] stackOf = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            int[] s = new int[depth[i] + 1];
            for (int n = i, k = 0; n >= 0; n = parent[n], k++) {
                s[k] = frame[n]; // leaf first
            }
            stackOf[i] = b.stack(s);
        }
        long t0 = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < samples; i++) {
            // every node gets at least one sample so the graph has all of them; then a heavy tail
            int n = i < nodes ? i : (int) Math.min(nodes - 1, Math.abs(r.nextGaussian()) * nodes / 6);
            b.add(EventKind.CPU, t0 + i * 10_000L, thread, stackOf[n], 1, -1);
        }
        return b.build(new ProfileInfo(Path.of("synthetic"), SamplerKind.ASYNC_PROFILER, "synthetic", t0, samples * 10_000L, List.of()));
    }

    private static void flame(int nodes, int samples, int steps) throws Exception {
        long t = System.nanoTime();
        Profile p = synthetic(nodes, samples, 42);
        long built = System.nanoTime();
        FlameGraph g = FlameGraph.of(p, EventKind.CPU);
        long graphed = System.nanoTime();
        System.out.printf(Locale.ROOT, "profile: %,d samples, %,d stacks, built in %.0f ms; flame graph: %,d nodes, depth %d, built in %.0f ms%n",
                p.size(), p.stackCount(), (built - t) / 1e6, g.size(), g.depth(), (graphed - built) / 1e6);

        FlameGraphViewModel vm = new FlameGraphViewModel();
        FlameGraphView[] view = new FlameGraphView[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            view[0] = new FlameGraphView(vm);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view[0], 1400, 800));
            stage[0].show();
            vm.show(g);
        });
        Thread.sleep(500);
        Random r = new Random(7);
        // the first zooms pay for class loading and the JIT: timed apart
        int warmup = Math.min(50, steps / 4);
        long[] draw = new long[steps + warmup];
        long[] frame = new long[steps + warmup];
        for (int i = 0; i < steps + warmup; i++) {
            int step = i;
            long start = System.nanoTime();
            CompletableFuture<Void> rendered = new CompletableFuture<>();
            onFx(() -> {
                int target;
                if (step % 10 == 9) {
                    target = 0; // reset now and then, so wide views are timed too
                } else {
                    target = visibleFrame(vm, view[0], r);
                }
                vm.zoomTo(target);
                draw[step] = view[0].lastDrawNanos();
                stage[0].getScene().addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        stage[0].getScene().removePostLayoutPulseListener(this);
                        rendered.complete(null);
                    }
                });
                Platform.requestNextPulse();
            });
            rendered.get(10, TimeUnit.SECONDS);
            // one more round trip: the pulse that carried the canvas has been processed
            onFx(() -> { });
            frame[i] = System.nanoTime() - start;
        }
        onFx(() -> stage[0].close());
        System.out.printf(Locale.ROOT, "first %d zooms (warm-up): redraw %s; zoom to rendered pulse %s%n", warmup,
                stats(Arrays.copyOf(draw, warmup)), stats(Arrays.copyOf(frame, warmup)));
        long[] d = Arrays.copyOfRange(draw, warmup, draw.length);
        long[] f = Arrays.copyOfRange(frame, warmup, frame.length);
        System.out.printf(Locale.ROOT, "redraw (canvas commands), %d zooms: %s%n", steps, stats(d));
        System.out.printf(Locale.ROOT, "zoom to next rendered pulse, %d zooms: %s%n", steps, stats(f));
        List<Long> resets = new ArrayList<>();
        for (int i = warmup; i < draw.length; i++) {
            if (i % 10 == 9) {
                resets.add(frame[i]);
            }
        }
        System.out.printf(Locale.ROOT, "of which resets to the whole graph (%d): %s%n", resets.size(),
                stats(resets.stream().mapToLong(Long::longValue).toArray()));
    }

    /** A frame that is visible in the current zoom and wide enough to click. */
    private static int visibleFrame(FlameGraphViewModel vm, FlameGraphView view, Random r) {
        FlameGraph g = vm.graph();
        int z = vm.zoom();
        List<Integer> candidates = new ArrayList<>();
        for (int n = z + 1; n < g.end(z) && candidates.size() < 2000; n++) {
            if (vm.w(n, view.canvas().getWidth()) >= 4) {
                candidates.add(n);
            }
        }
        return candidates.isEmpty() ? 0 : candidates.get(r.nextInt(candidates.size()));
    }

    private static void open(Path recording, int times) throws Exception {
        AtomicLong maxStall = new AtomicLong();
        MainViewModel[] vm = new MainViewModel[1];
        MainWindow[] windowRef = new MainWindow[1];
        Stage[] stage = new Stage[1];
        boolean trace = Boolean.getBoolean("bench.trace");
        long origin = System.nanoTime();
        Workers workers = Workers.threads(task -> Platform.runLater(!trace ? task : () -> {
            long t0 = System.nanoTime();
            task.run();
            long took = System.nanoTime() - t0;
            if (took > 20_000_000) {
                System.out.printf(Locale.ROOT, "  [%6.0f ms] UI task %s took %.0f ms%n", (t0 - origin) / 1e6, task, took / 1e6);
            }
        }));
        onFx(() -> {
            vm[0] = new MainViewModel(workers, Files.createTempDirectory("hoist-bench"), List.of(), "");
            MainWindow w = new MainWindow(vm[0]);
            windowRef[0] = w;
            stage[0] = new Stage();
            w.show(stage[0]);
            if (trace) {
                long[] pre = new long[1];
                stage[0].getScene().addPreLayoutPulseListener(() -> pre[0] = System.nanoTime());
                stage[0].getScene().addPostLayoutPulseListener(() -> {
                    long took = System.nanoTime() - pre[0];
                    if (took > 20_000_000) {
                        System.out.printf(Locale.ROOT, "  [%6.0f ms] layout pulse took %.0f ms%n", (pre[0] - origin) / 1e6, took / 1e6);
                    }
                });
            }
        });
        // as the real window does: classes the first session needs are loaded while the start page shows
        onFx(() -> windowRef[0].warmUpAfterFirstFrames(() -> workers.background(HoistWindow::preload)));
        Thread.sleep(2500);
        for (int round = 0; round < times; round++) {
            maxStall.set(0);
            Thread probe = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long posted = System.nanoTime();
                    CountDownLatch ran = new CountDownLatch(1);
                    Platform.runLater(ran::countDown);
                    try {
                        ran.await();
                        long stall = System.nanoTime() - posted;
                        maxStall.accumulateAndGet(stall, Math::max);
                        if (trace && stall > 50_000_000) {
                            System.out.printf(Locale.ROOT, "  [%6.0f ms] stall of %.0f ms ends%n", (System.nanoTime() - origin) / 1e6, stall / 1e6);
                        }
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "stall-probe");
            probe.setDaemon(true);
            probe.start();
            long start = System.nanoTime();
            if (trace) {
                System.out.printf(Locale.ROOT, "  [%6.0f ms] open%n", (start - origin) / 1e6);
            }
            SessionViewModel before = onFx(() -> vm[0].session());
            onFx(() -> vm[0].open(recording));
            while (true) {
                SessionViewModel s = onFx(() -> vm[0].session());
                SessionViewModel.State st = onFx(s::state);
                // the session open before stays until the new file turns out to be a recording: wait for the new one
                @SuppressWarnings("ReferenceEquality")
                boolean replaced = s != before;
                if (replaced && (st == SessionViewModel.State.READY || st == SessionViewModel.State.FAILED)) {
                    long took = System.nanoTime() - start;
                    probe.interrupt();
                    String error = onFx(() -> s.errorProperty().get());
                    long events = onFx(() -> s.samplesProperty().get());
                    int nodes = onFx(() -> s.flame().graph() == null ? 0 : s.flame().graph().size());
                    System.gc();
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.printf(Locale.ROOT, "opened %s (%.1f MB, %,d events, %,d flame nodes) in %.2f s, state %s%s; "
                                    + "longest UI-thread stall %.0f ms; heap in use after GC %.0f MB (max heap %.0f MB)%n",
                            recording.getFileName(), Files.size(recording) / 1e6, events, nodes, took / 1e9, st,
                            error.isEmpty() ? "" : " (" + error + ")", maxStall.get() / 1e6, heap / 1e6,
                            Runtime.getRuntime().maxMemory() / 1e6);
                    break;
                }
                Thread.sleep(20);
            }
        }
        onFx(() -> {
            vm[0].close();
            stage[0].close();
        });
        workers.close();
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms, max %.1f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6);
    }

    interface FxCall<T> {
        T call() throws Exception;
    }

    interface FxRun {
        void run() throws Exception;
    }

    private static void onFx(FxRun r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFx(FxCall<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
