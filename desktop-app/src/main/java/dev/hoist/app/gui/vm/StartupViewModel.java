package dev.hoist.app.gui.vm;

import dev.hoist.core.SafeText;
import dev.hoist.core.report.startup.StartupText;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.sampling.AgentLibrary;
import dev.hoist.core.startup.EndPoint;
import dev.hoist.core.startup.JavaCommand;
import dev.hoist.core.startup.StartupReport;
import dev.hoist.core.startup.StartupStudy;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's face of {@code hoist startup}: a java command line and an end point in, the same
 * study the CLI runs (on a worker), and its report out, as the ranked advice, the loops hot during
 * the start (the loop advisor on the start window) and the text the CLI prints. Plain Java with JavaFX properties, tested without a toolkit like the other view models.
 */
public final class StartupViewModel {
    /** Where the start ends. */
    public enum End { EXIT, LOG_LINE, PORT, AFTER }

    public enum State { IDLE, RUNNING, DONE, FAILED }

    private final Workers workers;
    private final Path cacheRoot;
    private final List<Rule> rules;
    private final StringProperty commandLine = new SimpleStringProperty("");
    private final ObjectProperty<End> end = new SimpleObjectProperty<>(End.EXIT);
    private final StringProperty endValue = new SimpleStringProperty("");
    private final IntegerProperty runs = new SimpleIntegerProperty(5);
    private final BooleanProperty measureOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final StringProperty progress = new SimpleStringProperty("");
    private final ObjectProperty<StartupReport> report = new SimpleObjectProperty<>();
    private final StringProperty reportText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    /** With the rules on Hoist's own class path, for the loop advice on the start window. */
    public StartupViewModel(Workers workers) {
        this(workers, StartupStudy.defaultCacheRoot());
    }

    public StartupViewModel(Workers workers, Path cacheRoot) {
        this(workers, cacheRoot, List.copyOf(RuleRegistry.load(StartupViewModel.class.getClassLoader()).all()));
    }

    /** {@code rules} are what the loop advisor runs on the start window (empty: no loop advice). */
    public StartupViewModel(Workers workers, Path cacheRoot, List<Rule> rules) {
        this.workers = workers;
        this.cacheRoot = cacheRoot;
        this.rules = List.copyOf(rules);
    }

    public StringProperty commandLineProperty() { return commandLine; }
    public ObjectProperty<End> endProperty() { return end; }
    public StringProperty endValueProperty() { return endValue; }
    public IntegerProperty runsProperty() { return runs; }
    public BooleanProperty measureOnlyProperty() { return measureOnly; }
    public ObjectProperty<State> stateProperty() { return state; }
    public StringProperty progressProperty() { return progress; }
    public ObjectProperty<StartupReport> reportProperty() { return report; }
    public StringProperty reportTextProperty() { return reportText; }
    public StringProperty errorProperty() { return error; }

    /** Starts the study; a command or end point that cannot be read is one line in {@link #errorProperty}. UI thread. */
    public void run() {
        if (state.get() == State.RUNNING) return;
        JavaCommand cmd;
        EndPoint endPoint;
        try {
            List<String> argv = words(commandLine.get());
            if (argv.isEmpty()) throw new IllegalArgumentException("give the java command line to start, e.g. java -jar app.jar");
            cmd = JavaCommand.of(argv);
            endPoint = endPoint();
        } catch (RuntimeException e) {
            error.set(SafeText.clean(e.getMessage() == null ? e.toString() : e.getMessage()));
            state.set(State.FAILED);
            return;
        }
        error.set("");
        report.set(null);
        reportText.set("");
        state.set(State.RUNNING);
        progress.set("starting " + SafeText.clean(String.join(" ", cmd.argv())));
        int n = Math.max(1, runs.get());
        boolean variants = !measureOnly.get();
        workers.background(() -> {
            try {
                Path lib = agentLibrary();
                StartupReport r = StartupStudy.run(new StartupStudy.Settings(cmd, endPoint, Duration.ofSeconds(60), n, variants,
                        null, cacheRoot, lib, line -> { }, step -> workers.ui(() -> progress.set(SafeText.clean(step))), rules));
                StringWriter text = new StringWriter();
                StartupText.write(r, text);
                workers.ui(() -> {
                    report.set(r);
                    reportText.set(text.toString());
                    progress.set(r.failed() ? "the program did not reach its end point; what was measured is below" : "done");
                    state.set(State.DONE);
                });
            } catch (Exception | OutOfMemoryError e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                workers.ui(() -> {
                    error.set(SafeText.clean(why.lines().findFirst().orElse(why)));
                    state.set(State.FAILED);
                });
            }
        });
    }

    private EndPoint endPoint() {
        String v = endValue.get() == null ? "" : endValue.get().strip();
        return switch (end.get()) {
            case EXIT -> new EndPoint.Exit();
            case LOG_LINE -> new EndPoint.LogLine(Pattern.compile(v));
            case PORT -> new EndPoint.Port(Integer.parseInt(v));
            case AFTER -> new EndPoint.After(Duration.ofMillis((long) (Double.parseDouble(v.replaceAll("s$", "")) * 1000)));
        };
    }

    private static Path agentLibrary() {
        try {
            return AgentLibrary.extract().path();
        } catch (RuntimeException e) {
            return null; // the breakdown then goes without the sampled run, as in the CLI
        }
    }

    /** A command line split into words as a shell would, for single and double quotes and backslashes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; line != null && i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }
}
