import java.io.File;
import java.util.concurrent.atomic.AtomicLong;

import edu.umd.cs.findbugs.FindBugs;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.FindBugsProgress;
import edu.umd.cs.findbugs.TextUICommandLine;

/**
 * SpotBugs' FindBugs2 engine analyses a jar (commons-lang3) with the default detectors and
 * effort, again and again, as `spotbugs -textui` would (the XML report goes to a temp file).
 * One op = one class finished by a per-class analysis pass. Usage: Driver [--seconds N] <jar>
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        String input = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
            else input = args[i];
        }
        if (input == null) throw new IllegalArgumentException("usage: Driver [--seconds N] <jar>");
        File report = File.createTempFile("hoist-spotbugs-", ".xml");
        report.deleteOnExit();
        FindBugsProgress progress = new FindBugsProgress() {
            @Override public void reportNumberOfArchives(int n) { }
            @Override public void startArchive(String name) { }
            @Override public void finishArchive() { }
            @Override public void predictPassCount(int[] classesPerPass) { }
            @Override public void startAnalysis(int classes) { }
            @Override public void finishClass() { OPS.incrementAndGet(); }
            @Override public void finishPerClassAnalysis() { }
        };
        meter("spotbugs", seconds);
        while (true) {
            FindBugs2 engine = new FindBugs2();
            TextUICommandLine commandLine = new TextUICommandLine();
            FindBugs.processCommandLine(commandLine, new String[] {"-quiet", "-effort:default", "-noClassOk",
                    "-xml", "-output", report.getPath(), input}, engine);
            engine.setProgressCallback(progress);
            engine.execute();
            engine.dispose();
        }
    }

    /** Prints "<name>: <n> ops/s" once a second; after `seconds` seconds (0: never) it stops the JVM. */
    static void meter(String name, int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime(), last = 0;
            for (int s = 1; ; s++) {
                long wait = start + s * 1_000_000_000L - System.nanoTime();
                if (wait > 0) try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); } catch (InterruptedException e) { return; }
                long n = OPS.get();
                System.out.println(name + ": " + (n - last) + " ops/s");
                last = n;
                if (seconds > 0 && s >= seconds) { System.out.flush(); Runtime.getRuntime().halt(0); }
            }
        }, "meter");
        t.setDaemon(true);
        t.start();
    }
}
