import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.document.TextFile;
import net.sourceforge.pmd.reporting.FileAnalysisListener;
import net.sourceforge.pmd.reporting.GlobalAnalysisListener;

/**
 * PMD 7 (pmd-java) runs its quickstart rule set over the commons-lang3 sources, again and again,
 * on the calling thread. One op = one source file started (then parsed, type-resolved, all rules run).
 * Usage: Driver [--seconds N] <source dir>
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
        if (input == null) throw new IllegalArgumentException("usage: Driver [--seconds N] <source dir>");
        PMDConfiguration config = new PMDConfiguration();
        config.setThreads(0); // analyze on this thread
        config.setIgnoreIncrementalAnalysis(true);
        config.addRuleSet("rulesets/java/quickstart.xml");
        config.addInputPath(Path.of(input));
        GlobalAnalysisListener counter = new GlobalAnalysisListener() {
            @Override public FileAnalysisListener startFileAnalysis(TextFile file) {
                OPS.incrementAndGet();
                return violation -> { };
            }
            @Override public void close() { }
        };
        meter("pmd", seconds);
        while (true) {
            try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
                pmd.addListener(counter);
                pmd.performAnalysis();
            }
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
