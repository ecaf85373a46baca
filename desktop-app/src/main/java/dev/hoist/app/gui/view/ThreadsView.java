package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.Fmt;
import dev.hoist.app.gui.vm.ProfileSnapshot;
import dev.hoist.app.gui.vm.SessionViewModel;
import dev.hoist.core.profile.SampleFilter;
import dev.hoist.core.profile.ThreadLanes;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * The threads, one lane each over the whole recording, as JMC and VisualVM draw them: green where
 * the thread ran, amber where it waited (parked, sleeping, in a blocking read), red where it was
 * blocked on a monitor, empty where it had no sample; the range chosen on the timeline is marked.
 * The box before each name shows or leaves out the thread's samples in every view; in wall-clock
 * mode the threads that hardly ran start left out.
 */
public final class ThreadsView extends VBox {
    static final Color RUNNING = Color.web("#2e9e5b");
    static final Color WAITING = Color.web("#e8b53a");
    static final Color BLOCKED = Color.web("#d9483b");
    /** Lanes drawn at most; the rest are counted. */
    static final int MAX_LANES = 300;
    private static final double NAME_WIDTH = 230;
    private static final double LANE_HEIGHT = 16;

    private final SessionViewModel vm;
    private final VBox rows = new VBox(2);
    private final Label summary = new Label();
    private final List<Lane> lanes = new ArrayList<>();

    public ThreadsView(SessionViewModel vm) {
        this.vm = vm;
        setId("threads-view");
        getStyleClass().add("tab-content");
        setSpacing(6);
        summary.setId("threads-summary");
        summary.setMinWidth(0);
        Button all = new Button("Show all threads");
        all.setId("threads-show-all");
        all.setOnAction(e -> vm.showAllThreads());
        SessionView.fixedWidth(all);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, summary, grow, legend(RUNNING, "running"), legend(WAITING, "waiting"),
                legend(BLOCKED, "blocked"), all);
        bar.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setId("threads-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, scroll);
        vm.viewProperty().addListener((o, a, v) -> show(v));
        show(vm.viewProperty().get());
    }

    private static HBox legend(Color c, String text) {
        Region swatch = new Region();
        swatch.setMinSize(12, 12);
        swatch.setMaxSize(12, 12);
        swatch.setStyle("-fx-background-color: " + toWeb(c) + ";");
        Label l = new Label(text);
        SessionView.fixedWidth(l);
        HBox box = new HBox(4, swatch, l);
        box.setAlignment(Pos.CENTER_LEFT);
        SessionView.fixedWidth(box);
        return box;
    }

    private static String toWeb(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }

    private void show(ProfileSnapshot v) {
        List<ThreadLanes.Lane> all = v == null ? List.of() : v.lanes().lanes();
        SampleFilter f = v == null ? SampleFilter.ALL : v.filter();
        int hidden = 0;
        for (ThreadLanes.Lane l : all) {
            if (f.hiddenThreads().contains(l.name()) || v.idleHidden().contains(l.name())) hidden++;
        }
        summary.setText(all.isEmpty() ? "No thread has a timed sample." : all.size() + " threads" + (hidden == 0 ? ""
                : " · " + hidden + " left out of every view" + (v.idleHidden().isEmpty() ? ""
                : " (" + v.idleHidden().size() + " hardly ran: hidden in wall-clock views)")));
        int n = Math.min(all.size(), MAX_LANES);
        while (lanes.size() < n) {
            Lane l = new Lane();
            lanes.add(l);
            rows.getChildren().add(l);
        }
        while (lanes.size() > n) {
            rows.getChildren().remove(lanes.remove(lanes.size() - 1));
        }
        for (int i = 0; i < n; i++) {
            ThreadLanes.Lane l = all.get(i);
            lanes.get(i).show(l, !(f.hiddenThreads().contains(l.name()) || v.idleHidden().contains(l.name())), v);
        }
    }

    /** One thread: its box and name, and its lane. */
    private final class Lane extends HBox {
        private final CheckBox box = new CheckBox();
        private final Canvas canvas = new Canvas(10, LANE_HEIGHT);
        private ThreadLanes.Lane lane;
        private ProfileSnapshot view;

        Lane() {
            super(8);
            setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(NAME_WIDTH);
            box.setPrefWidth(NAME_WIDTH);
            box.setMaxWidth(NAME_WIDTH);
            box.getStyleClass().add("thread-name");
            // a click by the user only; show() setting the box must not filter
            box.setOnAction(e -> vm.showThread(lane.name(), box.isSelected()));
            Pane holder = new Pane(canvas);
            holder.setMinHeight(LANE_HEIGHT);
            holder.setPrefHeight(LANE_HEIGHT);
            HBox.setHgrow(holder, Priority.ALWAYS);
            holder.setMinWidth(50);
            canvas.widthProperty().bind(holder.widthProperty());
            canvas.widthProperty().addListener((o, a, b) -> draw());
            getChildren().addAll(box, holder);
        }

        void show(ThreadLanes.Lane l, boolean shown, ProfileSnapshot v) {
            lane = l;
            view = v;
            box.setText(l.name());
            box.setId("thread-" + l.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            box.setSelected(shown);
            long all = Math.max(1, l.running() + l.waiting() + l.blocked());
            box.setTooltip(new Tooltip(l.name() + "\nrunning " + Fmt.count(l.running()) + " samples ("
                    + Fmt.pct((double) l.running() / all) + "), waiting " + Fmt.count(l.waiting()) + ", blocked "
                    + Fmt.count(l.blocked()) + " lock events"));
            setOpacity(shown ? 1 : 0.45);
            draw();
        }

        private void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            g.clearRect(0, 0, w, LANE_HEIGHT);
            g.setFill(Color.web("#f2f4f7"));
            g.fillRect(0, 2, w, LANE_HEIGHT - 4);
            if (lane == null || view == null) {
                return;
            }
            int buckets = lane.states().length;
            double bw = w / buckets;
            for (int b = 0; b < buckets; b++) {
                Color c = switch (lane.state(b)) {
                    case RUNNING -> RUNNING;
                    case WAITING -> WAITING;
                    case BLOCKED -> BLOCKED;
                    case NONE -> null;
                };
                if (c != null) {
                    g.setFill(c);
                    g.fillRect(b * bw, 2, Math.ceil(bw), LANE_HEIGHT - 4);
                }
            }
            SampleFilter f = view.filter();
            ThreadLanes tl = view.lanes();
            if (f.hasRange() && tl.startEpochNanos() >= 0) {
                double span = (double) tl.bucketNanos() * buckets;
                double x0 = Math.max(0, (f.fromEpochNanos() - tl.startEpochNanos()) / span * w);
                double x1 = Math.min(w, (f.toEpochNanos() - tl.startEpochNanos()) / span * w);
                g.setStroke(Color.web("#2f6feb"));
                g.setLineWidth(1.5);
                g.strokeRect(x0, 0.75, Math.max(1, x1 - x0), LANE_HEIGHT - 1.5);
            }
        }
    }

    /** The lanes drawn, for tests: name, whether its samples are shown. */
    public List<String> laneNames() {
        return lanes.stream().map(l -> l.lane.name()).toList();
    }

    public boolean isShown(String thread) {
        return lanes.stream().filter(l -> l.lane.name().equals(thread)).anyMatch(l -> l.box.isSelected());
    }
}
