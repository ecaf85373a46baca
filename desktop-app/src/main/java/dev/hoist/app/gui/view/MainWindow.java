package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.app.gui.vm.SessionViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The main window: the application bar (open, analyze, demo, save), the JVM sidebar, the current
 * session or the welcome page, and the status bar with what runs in the background. Files can
 * also be dropped on the window. Closing it stops sampling in the target and keeps the recording.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final StackPane center = new StackPane();
    private final JvmListView jvmList;
    private final javafx.scene.control.ToggleButton sidebarToggle = new javafx.scene.control.ToggleButton("☰ JVMs");
    private SessionView sessionView;
    private Stage stage;

    public MainWindow(MainViewModel vm) {
        this.vm = vm;
        setId("main-window");
        getStylesheets().add(MainWindow.class.getResource("/dev/hoist/app/gui/hoist.css").toExternalForm());

        Label brand = new Label("Hoist");
        brand.getStyleClass().add("brand");
        Label sub = new Label("loop advice from samples");
        sub.getStyleClass().add("brand-sub");
        Button open = bar("Open recording…", "Open a .jfr, collapsed stacks or a saved .hoist session (Ctrl+O)", this::chooseRecording);
        open.setId("open-button");
        Button analyze = bar("Analyze jar…", "Static findings for a jar, class folder or class file", this::chooseJar);
        Button analyzeDir = bar("Analyze folder…", "Static findings for a folder of classes", this::chooseFolder);
        Button demo = bar("Run demo", "Start the bundled demo workload and sample it", vm::startDemo);
        demo.setId("demo-button");
        Button startup = bar("Startup…", "Measure a program's start and what AppCDS, the AOT cache or C1 only would save (hoist startup)",
                () -> StartupWindow.open(stage, new dev.hoist.app.gui.vm.StartupViewModel(vm.workers(),
                        dev.hoist.core.startup.StartupStudy.defaultCacheRoot(), vm.rules())));
        startup.setId("startup-button");
        Button save = bar("Save session…", "Save the recording and the advice in one .hoist file (Ctrl+S)", this::chooseSave);
        save.setId("save-button");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        sidebarToggle.setId("sidebar-toggle");
        sidebarToggle.setSelected(true);
        sidebarToggle.setTooltip(new Tooltip("Show or hide the list of local JVMs (Ctrl+J)"));
        Button settings = bar("⚙", "Settings: how Open in IDE opens a source file", this::chooseIdeCommand);
        settings.setId("settings-button");
        SessionView.fixedWidth(sidebarToggle, brand, open, analyze, analyzeDir, demo, startup, save, settings);
        sub.setMinWidth(0); // the tag line gives up its room first when the window is narrow
        HBox appBar = new HBox(sidebarToggle, brand, sub, open, analyze, analyzeDir, separator(), demo, startup, grow, save, settings);
        // the tag line goes when the bar is narrow, rather than showing as "loop advice from samp…"
        sub.visibleProperty().bind(appBar.widthProperty().greaterThan(1060));
        sub.managedProperty().bind(sub.visibleProperty());
        appBar.getStyleClass().add("app-bar");
        setTop(appBar);

        jvmList = new JvmListView(vm);
        // a third of a narrow window at most, so that the session keeps its room; hidden by the toggle
        jvmList.prefWidthProperty().bind(widthProperty().multiply(0.3).map(w -> Math.max(260, Math.min(340, w.doubleValue()))));
        setLeft(jvmList);
        sidebarToggle.selectedProperty().addListener((o, was, shown) -> setLeft(shown ? jvmList : null));

        Banner error = new Banner(vm.errorProperty(), vm::dismissError);
        WelcomeView welcome = new WelcomeView(vm::startDemo, this::chooseRecording, this::chooseJar);
        center.getChildren().add(welcome);
        VBox main = new VBox(error, center);
        VBox.setVgrow(center, Priority.ALWAYS);
        setCenter(main);

        Label status = new Label();
        status.setId("status");
        Label busy = new Label();
        busy.setId("busy");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.setMaxSize(14, 14);
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox statusBar = new HBox(status, grow2, spinner, busy);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);

        vm.sessionProperty().addListener((o, a, s) -> {
            if (s == null) {
                center.getChildren().setAll(List.of(welcome));
            } else {
                sessionView = new SessionView(s, this::chooseClassPath, this::chooseSources);
                sessionView.setOpenInIde(vm::openInIde);
                center.getChildren().setAll(List.of(sessionView));
            }
            bindStatus(status, busy, spinner, s);
        });
        bindStatus(status, busy, spinner, null);
        save.disableProperty().bind(vm.saveableProperty().not());

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private javafx.beans.value.ChangeListener<String> sessionStatus;

    /**
     * The status line shows the latest of the window's and the session's lines: "Saved the session
     * to …" comes after the session's own line and must not hide behind it.
     */
    private void bindStatus(Label status, Label busy, ProgressIndicator spinner, SessionViewModel s) {
        if (statusShown == null) {
            statusShown = new javafx.beans.property.SimpleStringProperty(vm.statusProperty().get());
            vm.statusProperty().addListener((o, a, b) -> statusShown.set(b));
            status.textProperty().bind(statusShown);
        }
        if (sessionStatus != null && shownSession != null) {
            shownSession.statusProperty().removeListener(sessionStatus);
        }
        shownSession = s;
        if (s == null) {
            statusShown.set(vm.statusProperty().get());
            busy.textProperty().bind(vm.busyProperty());
        } else {
            sessionStatus = (o, a, b) -> {
                if (!b.isEmpty()) {
                    statusShown.set(b);
                }
            };
            s.statusProperty().addListener(sessionStatus);
            statusShown.set(s.statusProperty().get().isEmpty() ? vm.statusProperty().get() : s.statusProperty().get());
            busy.textProperty().bind(Bindings.createStringBinding(() -> vm.busyProperty().get().isEmpty()
                    ? s.busyProperty().get() : vm.busyProperty().get(), s.busyProperty(), vm.busyProperty()));
        }
        spinner.visibleProperty().bind(busy.textProperty().isNotEmpty());
    }

    private javafx.beans.property.StringProperty statusShown;
    private SessionViewModel shownSession;

    /** Shows the window on {@code stage} and wires the close request and shortcuts. */
    public void show(Stage stage) {
        this.stage = stage;
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(this, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseRecording);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::chooseSave);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            // the same path as the window's close button: stop sampling, keep the recording
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.hide();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN),
                () -> sidebarToggle.setSelected(!sidebarToggle.isSelected()));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (int i = 0; i < digits.length; i++) {
            int tab = i;
            // Ctrl+1..6: advice, flame graph, call tree, hot methods, allocations, threads
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (sessionView != null && tab < sessionView.tabs().getTabs().size()) {
                    sessionView.tabs().getSelectionModel().select(tab);
                }
            });
        }
        stage.setScene(scene);
        stage.setMinWidth(980);
        stage.setMinHeight(620);
        stage.titleProperty().bind(vm.sessionProperty().flatMap(SessionViewModel::titleProperty)
                .map(t -> "Hoist — " + t).orElse("Hoist"));
        stage.show();
        vm.jvms().startAutoRefresh();
    }

    /**
     * Runs {@link #warmUp} and {@code alsoInBackground} once the window has drawn its first frames:
     * queued at once, they would run before the first frame and hold back the window's appearance.
     */
    public void warmUpAfterFirstFrames(Runnable alsoInBackground) {
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(700));
        later.setOnFinished(e -> {
            alsoInBackground.run();
            if (vm.session() == null) {
                warmUp(); // a session already open (hoist gui file.jfr, --demo) has paid for it
            }
        });
        later.play();
    }

    /**
     * Lays out a throwaway session view once, off screen, while the start page is shown: the first
     * layout of the tables, lists and charts creates their skins and runs code the JIT has not seen,
     * which took half a second here; paid now, it is not paid when the user's first recording opens.
     */
    void warmUp() {
        SessionViewModel dummy = vm.warmUpSession();
        SessionView view = new SessionView(dummy, cp -> { }, () -> { });
        view.completeNow();
        StackPane root = new StackPane(view);
        root.getStylesheets().addAll(getStylesheets());
        new Scene(root, getWidth(), getHeight());
        for (int tab = 0; tab < view.tabs().getTabs().size(); tab++) {
            view.tabs().getSelectionModel().select(tab);
            root.applyCss();
            root.layout();
        }
    }

    public SessionView sessionView() {
        return sessionView;
    }

    public JvmListView jvmList() {
        return jvmList;
    }

    private static Button bar(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.setPrefHeight(20);
        return s;
    }

    private void chooseRecording() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a recording or a saved session");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Recordings and sessions", "*.jfr", "*.hoist", "*.txt", "*.collapsed"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            vm.open(f.toPath());
        }
    }

    private void chooseJar() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Analyze a jar or class file");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Jars and classes", "*.jar", "*.war", "*.class"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            vm.analyze(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Analyze a folder of classes");
        File d = dc.showDialog(stage);
        if (d != null) {
            vm.analyze(List.of(d.toPath()));
        }
    }

    private void chooseSave() {
        if (!vm.canSave()) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the session");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Hoist session", "*.hoist"));
        fc.setInitialFileName("session.hoist");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.save(f.toPath());
        }
    }

    private void chooseClassPath(String current) {
        TextInputDialog d = new TextInputDialog(current);
        d.setTitle("Class path");
        d.setHeaderText("Where are the profiled application's classes?");
        d.setContentText("Jars and class folders, separated by '" + File.pathSeparator + "' ('lib/*' for all jars in lib):");
        d.getDialogPane().setPrefWidth(720);
        d.getDialogPane().getStylesheets().addAll(getStylesheets());
        d.initOwner(stage);
        d.showAndWait().ifPresent(cp -> {
            if (vm.session() != null) {
                vm.session().setClassPath(cp.strip());
            }
        });
    }

    /** Settings: the command Open in IDE runs, {file} and {line} put in; empty for the idea:// link. */
    private void chooseIdeCommand() {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(vm.ide().commandProperty().get());
        d.initOwner(stage);
        d.setTitle("Settings");
        d.setHeaderText("""
                Open in IDE runs this command, with {file} and {line} put in, e.g.
                idea --line {line} {file}    or    code --goto {file}:{line}
                Empty: an idea://open link for IntelliJ IDEA (or HOIST_IDE_COMMAND when set).""");
        d.getEditor().setId("ide-command");
        d.getEditor().setPrefColumnCount(40);
        d.showAndWait().ifPresent(c -> vm.ide().commandProperty().set(c.trim()));
    }

    private void chooseSources() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Add a source folder");
        File d = dc.showDialog(stage);
        if (d != null && vm.session() != null) {
            vm.session().addSourceDir(d.toPath());
        }
    }

    /** For tests: save the session as if {@code file} was chosen in the Save dialog. */
    public void save(Path file) {
        vm.save(file);
    }

    /** For tests and the screenshot script: open a file as if chosen. */
    public void open(Path file) {
        vm.open(file);
    }
}
