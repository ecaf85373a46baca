package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.Fmt;
import dev.hoist.app.gui.vm.JvmListViewModel;
import dev.hoist.app.gui.vm.MainViewModel;
import dev.hoist.core.jvm.JvmInfo;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.hoist.app.gui.vm.SamplingSettings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sidebar: the local JVMs (refreshing on their own), a filter, and attach by double click, by
 * the Attach button, or by typing a PID or name. JVMs Hoist cannot attach to are greyed out with
 * the reason in their tooltip.
 */
public final class JvmListView extends VBox {
    private final TableView<JvmInfo> table = new TableView<>();

    public JvmListView(MainViewModel main) {
        JvmListViewModel vm = main.jvms();
        getStyleClass().add("sidebar");
        setPrefWidth(340);
        setMinWidth(260);

        Label title = new Label("Local JVMs");
        title.getStyleClass().add("panel-title");
        Button refresh = new Button("⟳");
        refresh.setTooltip(new Tooltip("Refresh now (the list also refreshes every few seconds)"));
        refresh.setOnAction(e -> vm.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(6, title, grow, refresh);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField filter = new TextField();
        filter.setPromptText("Filter by main class or PID");
        filter.textProperty().bindBidirectional(vm.filterProperty());

        TableColumn<JvmInfo, Long> pid = new TableColumn<>("PID");
        pid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pid()));
        pid.setPrefWidth(62);
        pid.getStyleClass().add("num");
        TableColumn<JvmInfo, String> mainClass = new TableColumn<>("Main class or jar");
        mainClass.setCellValueFactory(c -> new ReadOnlyStringWrapper(simple(c.getValue().displayName())));
        mainClass.setPrefWidth(160);
        TableColumn<JvmInfo, String> version = new TableColumn<>("Java");
        // the feature release fits the narrow sidebar ("17", not "17.0.1…"); the row's tooltip has the whole version
        version.setCellValueFactory(c -> new ReadOnlyStringWrapper(feature(c.getValue().javaVersion())));
        version.setPrefWidth(44);
        TableColumn<JvmInfo, String> up = new TableColumn<>("Up");
        up.setCellValueFactory(c -> new ReadOnlyStringWrapper(Fmt.age(c.getValue().uptime())));
        up.setPrefWidth(64);
        table.getColumns().setAll(java.util.List.of(pid, mainClass, version, up));
        table.setItems(vm.jvms());
        table.setId("jvm-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No JVM found yet.\nStart one, or type a PID below.");
        empty.getStyleClass().add("empty");
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setRowFactory(t -> {
            TableRow<JvmInfo> row = new TableRow<>() {
                {
                    // a tooltip is a popup window: made when the mouse first comes, not for every row up front
                    setOnMouseEntered(e -> {
                        if (getItem() != null && getTooltip() == null) {
                            setTooltip(new Tooltip(text(getItem())));
                        }
                    });
                }

                @Override
                protected void updateItem(JvmInfo item, boolean emptyRow) {
                    super.updateItem(item, emptyRow);
                    getStyleClass().remove("unattachable");
                    if (item == null || emptyRow) {
                        setTooltip(null);
                        return;
                    }
                    if (!item.attachable()) {
                        getStyleClass().add("unattachable");
                    }
                    if (getTooltip() != null) {
                        getTooltip().setText(text(item));
                    }
                }

                private String text(JvmInfo item) {
                    return item.displayName() + "\nPID " + item.pid() + " · Java " + item.javaVersion()
                            + " · " + item.vendor() + " · user " + item.user()
                            + (item.attachable() ? "\nDouble-click to attach and sample" : "\nCannot attach: " + item.reason());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    main.attach(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            // the very item the view model holds, not an equal one, is what the table must select
            @SuppressWarnings("ReferenceEquality")
            boolean other = table.getSelectionModel().getSelectedItem() != b;
            if (b != null && other) {
                table.getSelectionModel().select(b);
            }
        });

        Button attach = new Button("Attach and sample");
        attach.getStyleClass().add("primary");
        attach.setId("attach-button");
        attach.setMaxWidth(Double.MAX_VALUE);
        attach.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        attach.setOnAction(e -> {
            JvmInfo j = table.getSelectionModel().getSelectedItem();
            if (j != null) {
                main.attach(j);
            }
        });

        TextField byPid = new TextField();
        byPid.setId("pid-field");
        byPid.setPromptText("PID or part of a main class");
        Button go = new Button("Attach");
        go.setId("pid-attach");
        go.disableProperty().bind(byPid.textProperty().isEmpty());
        Runnable attachTyped = () -> {
            if (!byPid.getText().isBlank()) {
                main.attach(byPid.getText().strip());
            }
        };
        go.setOnAction(e -> attachTyped.run());
        byPid.setOnAction(e -> attachTyped.run());
        HBox.setHgrow(byPid, Priority.ALWAYS);
        HBox typed = new HBox(6, byPid, go);

        Label summary = new Label();
        summary.getStyleClass().addAll("muted", "small");
        summary.textProperty().bind(vm.summaryProperty());

        getChildren().addAll(header, filter, table, nextSampling(main.samplingSettings()), attach,
                new Label("Or attach by PID or name:"), typed, summary);
    }

    /**
     * What the next attach samples, chosen before it starts (an attach samples at once); the last
     * live session's choices carry over.
     */
    private static FlowPane nextSampling(SamplingSettings next) {
        Label what = new Label("Sample");
        what.getStyleClass().add("muted");
        Spinner<Integer> interval = new Spinner<>(1, 1000, next.intervalMsProperty().get(), 1);
        interval.setEditable(true);
        interval.setPrefWidth(72);
        interval.setId("next-interval");
        interval.valueProperty().addListener((o, a, b) -> next.intervalMsProperty().set(b));
        next.intervalMsProperty().addListener((o, a, b) -> interval.getValueFactory().setValue(b.intValue()));
        HBox every = new HBox(6, new Label("every"), interval, new Label("ms"));
        every.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane box = new FlowPane(8, 4, what, check("cpu", next.cpuProperty()), check("wall", next.wallProperty()),
                check("alloc", next.allocProperty()), check("lock", next.lockProperty()), every);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setId("next-sampling");
        return box;
    }

    private static CheckBox check(String event, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(event);
        c.setId("next-" + event);
        c.selectedProperty().bindBidirectional(p);
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    public TableView<JvmInfo> table() {
        return table;
    }

    /** {@code 17.0.15} is {@code 17}, {@code 1.8.0_392} is {@code 8}, {@code 25-ea} is {@code 25}. */
    static String feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? version : v.substring(0, end);
    }

    /** {@code com.acme.OrderService} shows as {@code OrderService}; jars and paths keep their file name. */
    static String simple(String displayName) {
        String n = displayName;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) {
            return n.substring(slash + 1);
        }
        if (n.endsWith(".jar")) {
            return n;
        }
        int dot = n.lastIndexOf('.');
        return dot >= 0 && dot < n.length() - 1 ? n.substring(dot + 1) : n;
    }
}
