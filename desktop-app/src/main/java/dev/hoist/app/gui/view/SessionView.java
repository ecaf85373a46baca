package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.Fmt;
import dev.hoist.app.gui.vm.AnalysisSessionViewModel;
import dev.hoist.app.gui.vm.LiveSessionViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.app.gui.vm.SessionViewModel.State;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Consumer;

/**
 * One session on screen: the header (what is profiled, the sampling controls, state, elapsed
 * time and samples), banners for errors and notes, the timeline strip, and the tabs: the ranked
 * advice, the flame graph and the hot methods. A static analysis shows the advice only.
 */
public final class SessionView extends BorderPane {
    private final SessionViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Tab adviceTab = new Tab("Advice");
    private final Tab flameTab = new Tab("Flame graph");
    private final Tab methodsTab = new Tab("Hot methods");
    private final Tab allocTab = new Tab("Allocations");
    private final Tab treeTab = new Tab("Call tree");
    private final Tab threadsTab = new Tab("Threads");
    private CallTreeView treeView;
    private java.util.function.Consumer<dev.hoist.app.gui.vm.OpenInIde.Location> openInIde = l -> { };
    private final FlameGraphView flameView;
    private final AdviceView adviceView;
    private final HotMethodsView methodsView;
    private final TimelineView timeline;

    public SessionView(SessionViewModel vm, Consumer<String> pickClassPath, Runnable pickSources) {
        this.vm = vm;
        setId("session");

        Label title = new Label();
        title.getStyleClass().add("session-title");
        title.textProperty().bind(vm.titleProperty());
        title.setId("session-title");
        Label chip = new Label();
        chip.setId("state-chip");
        chip.getStyleClass().add("state-chip");
        chip.textProperty().bind(vm.stateProperty().map(SessionView::stateText));
        vm.stateProperty().addListener((o, a, b) -> styleChip(chip, b));
        styleChip(chip, vm.state());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.setId("session-subtitle");
        subtitle.textProperty().bind(vm.subtitleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label elapsed = new Label();
        elapsed.getStyleClass().add("big-number");
        elapsed.setId("elapsed");
        elapsed.textProperty().bind(vm.elapsedProperty());
        Label samples = new Label();
        samples.setId("sample-count");
        samples.getStyleClass().add("big-number");
        samples.textProperty().bind(vm.samplesProperty().map(n -> n.longValue() == 0 ? "" : Fmt.count(n.longValue()) + " events"));
        // what the state and counts say must stay readable at the window's minimum width: the title
        // (a long main class) gives up its room first, and wraps rather than losing the PID at its end
        title.setMinWidth(60);
        title.setWrapText(true);
        fixedWidth(chip, elapsed, samples);
        HBox titleRow = new HBox(10, title, chip, grow, elapsed, samples);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        subtitle.setMinWidth(0);

        VBox header = new VBox(6, titleRow, subtitle);
        header.getStyleClass().add("session-header");
        header.setId("session-header");
        if (vm instanceof LiveSessionViewModel live) {
            header.getChildren().add(liveControls(live));
        } else {
            header.getChildren().add(fileControls(pickClassPath, pickSources));
        }

        Banner error = new Banner(vm.errorProperty(), vm::dismissError);
        Banner notes = new Banner(vm.notesProperty(), null);
        VBox top = new VBox(header, error, notes);
        setTop(top);

        flameView = new FlameGraphView(vm.flame());
        adviceView = new AdviceView(vm.advice());
        methodsView = new HotMethodsView(vm.methods(), this::showInFlameGraph);
        timeline = new TimelineView();
        timeline.setOnRange(vm::selectRange);
        timeline.setOnReset(vm::resetRange);
        adviceView.setOpenInIde(l -> openInIde.accept(l));
        vm.viewProperty().addListener((o, a, b) -> timeline.show(b));
        timeline.show(vm.viewProperty().get());

        adviceTab.setContent(adviceView);
        adviceTab.setId("advice-tab");
        // the other tabs are built into the scene when first shown: a new session's first layout stays short
        javafx.scene.Node flameContent = flameTab(vm);
        lazily(flameTab, flameContent);
        lazily(methodsTab, methodsView);
        lazily(allocTab, new AllocationsView(vm.allocations()));
        allocTab.setId("alloc-tab");
        treeTab.setId("tree-tab");
        threadsTab.setId("threads-tab");
        treeTab.selectedProperty().addListener((o, was, is) -> {
            if (is && treeView == null) {
                treeView = new CallTreeView(vm.callTree(), () -> vm.advice().sources());
                treeView.setOpenInIde(l -> openInIde.accept(l));
                treeTab.setContent(treeView);
            }
            // built off the UI thread while it is shown, and only then
            vm.callTree().setActive(is);
        });
        threadsTab.selectedProperty().addListener((o, was, is) -> {
            if (is && threadsTab.getContent() == null) {
                threadsTab.setContent(new ThreadsView(vm));
            }
        });
        for (Tab t : new Tab[] {adviceTab, flameTab, treeTab, methodsTab, allocTab, threadsTab}) {
            t.setClosable(false);
        }
        adviceTab.textProperty().bind(Bindings.createStringBinding(() -> vm.advice().shown().size() == vm.advice().items().size()
                ? "Advice (" + vm.advice().items().size() + ")"
                : "Advice (" + vm.advice().shown().size() + " of " + vm.advice().items().size() + ")",
                vm.advice().shown(), vm.advice().items()));
        if (vm instanceof AnalysisSessionViewModel) {
            tabs.getTabs().add(adviceTab);
            setCenter(tabs);
        } else {
            tabs.getTabs().addAll(adviceTab, flameTab, treeTab, methodsTab, allocTab, threadsTab);
            SplitPane split = new SplitPane();
            split.setOrientation(Orientation.VERTICAL);
            SplitPane.setResizableWithParent(timeline, false);
            setCenter(split);
            // The view joins the scene in three pulses, each laid out and drawn before the next part
            // is added: the header, then the tabs, then the charts. One pulse with all of it held the
            // UI thread for 90-140 ms the first time; each part alone stays well under 100 ms.
            Runnable addTabs = () -> {
                if (!split.getItems().contains(tabs)) {
                    split.getItems().add(tabs);
                }
            };
            addTimeline = () -> {
                addTabs.run();
                if (!split.getItems().contains(timeline)) {
                    split.getItems().add(0, timeline);
                    // the charts at their preferred height, the tabs below get the rest
                    double h = split.getHeight();
                    split.setDividerPositions(h > 0 ? Math.min(0.4, timeline.getPrefHeight() / h) : 0.3);
                }
            };
            afterNextPulse(() -> {
                addTabs.run();
                afterNextPulse(addTimeline);
            });
        }
        tabs.setId("session-tabs");
    }

    private Runnable addTimeline = () -> { };

    /**
     * Runs {@code r} once the scene this view is in has laid out and drawn its next frame, so that
     * what {@code r} adds costs a pulse of its own; at once when the view is in no scene yet.
     */
    private void afterNextPulse(Runnable r) {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            // not shown yet: wait until it is, then for its first pulse
            javafx.beans.value.ChangeListener<javafx.scene.Scene> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                    javafx.scene.Scene a, javafx.scene.Scene b) {
                    sceneProperty().removeListener(this);
                    if (b != null) {
                        afterNextPulse(r);
                    }
                }
            };
            sceneProperty().addListener(once);
            return;
        }
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            // after the layout; runLater lets the frame be drawn before r adds more to lay out
            javafx.application.Platform.runLater(r);
        };
        scene.addPostLayoutPulseListener(self[0]);
    }

    /** Adds what the view adds one pulse late (the charts) now: for the window's warm-up layout. */
    void completeNow() {
        addTimeline.run();
    }

    private static void lazily(Tab tab, javafx.scene.Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    tab.setContent(content);
                    tab.selectedProperty().removeListener(this);
                }
            }
        });
    }

    private FlowPane liveControls(LiveSessionViewModel vm) {
        CheckBox cpu = check("cpu", vm.cpuProperty(), "On-CPU samples: where the CPU time goes");
        CheckBox wall = check("wall", vm.wallProperty(), "Wall-clock samples: running, waiting and sleeping threads alike");
        CheckBox alloc = check("alloc", vm.allocProperty(), "Allocation samples: who allocates what, in bytes");
        CheckBox lock = check("lock", vm.lockProperty(), "Contended locks: where threads wait for monitors");
        CheckBox repair = check("repair", vm.repairProperty(), "Make the target recompile its hot code with full debug "
                + "info before sampling, as hoist profile does (off: --no-repair); without it, code compiled before the "
                + "attach may put samples on the wrong inlined frames");
        Spinner<Integer> interval = new Spinner<>(1, 1000, vm.intervalMsProperty().get(), 1);
        interval.setEditable(true);
        interval.setPrefWidth(80);
        interval.setId("interval");
        interval.valueProperty().addListener((o, a, b) -> vm.intervalMsProperty().set(b));
        interval.setTooltip(new Tooltip("CPU sampling interval. At 10 ms sampling cost the measured workload about 1-2% "
                + "of its throughput, at 20 ms well under 1% (the README's overhead figures)."));
        ComboBox<LiveSessionViewModel.Length> length = new ComboBox<>();
        length.getItems().setAll(LiveSessionViewModel.Length.values());
        length.valueProperty().bindBidirectional(vm.lengthProperty());
        length.setId("length");

        Button start = new Button("▶  Start");
        start.setId("start-button");
        start.getStyleClass().add("primary");
        start.setOnAction(e -> vm.start());
        Button stop = new Button("■  Stop");
        stop.setId("stop-button");
        stop.getStyleClass().add("danger");
        stop.setOnAction(e -> vm.stop());
        var sampling = vm.stateProperty().isEqualTo(State.SAMPLING);
        var starting = vm.stateProperty().isEqualTo(State.STARTING).or(vm.stateProperty().isEqualTo(State.STOPPING));
        start.disableProperty().bind(sampling.or(starting));
        stop.disableProperty().bind(sampling.not());
        for (var c : new javafx.scene.Node[] {cpu, wall, alloc, lock, repair, interval, length}) {
            c.disableProperty().bind(sampling.or(starting));
        }
        // groups that wrap onto a second line when the window is narrow, instead of each control
        // shrinking to "…" (at 1000 px they did)
        FlowPane controls = new FlowPane(group(new Label("Events"), cpu, wall, alloc, lock),
                group(new Label("Interval (ms)"), interval, new Label("for"), length), group(repair), group(start, stop),
                kindChooser());
        controls.getStyleClass().add("controls");
        controls.setId("session-controls");
        return controls;
    }

    /** Controls that belong together and stay on one line, at their full width. */
    private static HBox group(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r) {
                fixedWidth(r);
            }
        }
        HBox g = new HBox(8, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        fixedWidth(g);
        return g;
    }

    /** Never narrower than their content: a label or button that shows "…" says nothing. */
    static void fixedWidth(Region... regions) {
        for (Region r : regions) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private HBox fileControls(Consumer<String> pickClassPath, Runnable pickSources) {
        Button cp = new Button("Class path…");
        cp.setId("classpath-button");
        cp.setTooltip(new Tooltip("Where the profiled application's jars or class folders are, so its hot methods "
                + "can be read and advised on"));
        cp.setOnAction(e -> pickClassPath.accept(vm.classPathProperty().get()));
        Button src = new Button("Sources…");
        src.setTooltip(new Tooltip("A source folder, so the advice shows the loop in your code"));
        src.setOnAction(e -> pickSources.run());
        TextField cpText = new TextField();
        cpText.setEditable(false);
        cpText.setFocusTraversable(false);
        cpText.textProperty().bind(vm.classPathProperty().map(s -> s.isBlank() ? "(JDK classes only)" : s));
        cpText.setPrefColumnCount(40);
        HBox.setHgrow(cpText, Priority.SOMETIMES);
        fixedWidth(cp, src);
        cpText.setMinWidth(40);
        HBox controls = new HBox(8, cp, cpText, src, grow());
        if (!(vm instanceof AnalysisSessionViewModel)) {
            controls.getChildren().add(kindChooser());
        }
        controls.getStyleClass().add("controls");
        return controls;
    }

    private HBox kindChooser() {
        ComboBox<EventKind> kind = new ComboBox<>(vm.kinds());
        kind.setId("kind-chooser");
        kind.valueProperty().bindBidirectional(vm.viewKindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventKind k) {
                return k == null ? "" : switch (k) {
                    case CPU -> "CPU samples";
                    case WALL -> "Wall-clock samples";
                    case ALLOC -> "Allocated bytes";
                    case LOCK -> "Lock wait";
                    case NATIVE -> "Native samples";
                    case SAMPLE -> "Samples";
                };
            }

            @Override
            public EventKind fromString(String s) {
                return null;
            }
        });
        kind.setTooltip(new Tooltip("What the flame graph and the hot methods count"));
        Label show = new Label("Show");
        fixedWidth(show, kind);
        HBox box = new HBox(6, show, kind);
        box.setAlignment(Pos.CENTER_LEFT);
        fixedWidth(box);
        return box;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty p, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId("event-" + text);
        c.selectedProperty().bindBidirectional(p);
        c.setTooltip(new Tooltip(tip));
        return c;
    }

    private VBox flameTab(SessionViewModel vm) {
        TextField search = new TextField();
        search.setId("flame-search");
        search.setPromptText("Search frames (class or method)");
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(vm.flame().searchProperty());
        Label matches = new Label();
        matches.setId("flame-matches");
        matches.getStyleClass().add("muted");
        matches.textProperty().bind(vm.flame().matchTextProperty());
        Label zoom = new Label();
        zoom.setId("flame-zoom");
        zoom.getStyleClass().add("muted");
        zoom.textProperty().bind(vm.flame().zoomTextProperty());
        Button reset = new Button("Reset zoom");
        reset.setId("flame-reset");
        reset.disableProperty().bind(vm.flame().zoomProperty().isEqualTo(0));
        reset.setOnAction(e -> vm.flame().resetZoom());
        HBox bar = new HBox(8, search, matches, grow(), zoom, reset);
        bar.getStyleClass().add("flame-toolbar");
        Label info = new Label();
        info.getStyleClass().add("flame-info");
        info.textProperty().bind(vm.flame().hoverTextProperty().map(s -> s.isEmpty()
                ? "Click a frame to zoom in; click the top bar or press Esc to reset; Backspace steps out."
                : s.replace('\n', ' ').replace("  ", " ")));
        VBox box = new VBox(6, bar, flameView, info);
        VBox.setVgrow(flameView, Priority.ALWAYS);
        box.getStyleClass().add("tab-content");
        return box;
    }

    private void showInFlameGraph(MethodRef m) {
        vm.flame().searchProperty().set(m.displayName());
        tabs.getSelectionModel().select(flameTab);
    }

    private static String stateText(State s) {
        return switch (s) {
            case STARTING -> "ATTACHING";
            case SAMPLING -> "● SAMPLING";
            case STOPPING -> "STOPPING";
            case LOADING -> "LOADING";
            case READY -> "READY";
            case FAILED -> "FAILED";
        };
    }

    private static void styleChip(Label chip, State s) {
        chip.getStyleClass().removeAll("sampling", "ready", "busy", "failed");
        chip.getStyleClass().add(switch (s) {
            case SAMPLING -> "sampling";
            case READY -> "ready";
            case FAILED -> "failed";
            default -> "busy";
        });
    }

    public TabPane tabs() {
        return tabs;
    }

    public Tab flameTab() {
        return flameTab;
    }

    public FlameGraphView flameView() {
        return flameView;
    }

    public AdviceView adviceView() {
        return adviceView;
    }

    /** What "Open in IDE" does, in the advice detail and the call tree. */
    public void setOpenInIde(java.util.function.Consumer<dev.hoist.app.gui.vm.OpenInIde.Location> open) {
        this.openInIde = open;
    }

    public CallTreeView callTreeView() {
        return treeView;
    }

    public TimelineView timeline() {
        return timeline;
    }
}
