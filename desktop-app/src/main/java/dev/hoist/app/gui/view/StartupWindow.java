package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.StartupViewModel;
import dev.hoist.core.SafeText;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.report.advice.AdviceText;
import dev.hoist.core.report.startup.StartupText;
import dev.hoist.core.startup.StartLoops;
import dev.hoist.core.startup.StartupAdvice;
import dev.hoist.core.startup.StartupReport;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * Startup advice in the window ({@code hoist startup}'s face): a java command line and where its
 * start ends, Run, and the study's result: each cure's measured time to the end point beside the
 * unchanged program's (a bar chart), the ranked advice and beside it the loops hot during the start
 * (the loop advisor on the start window), with the detail of the one selected (its gain and how to
 * apply it, or the loop's measured share and fix), and the whole report as the CLI prints it.
 */
public final class StartupWindow extends BorderPane {
    private final ListView<StartupAdvice> advice = new ListView<>();
    private final ListView<Advice> loops = new ListView<>();
    private final Label loopsVerdict = new Label();
    private final TextArea detail = new TextArea();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final javafx.beans.property.ObjectProperty<Integer> runsValue;

    public StartupWindow(StartupViewModel vm) {
        setId("startup-window");
        getStylesheets().add(StartupWindow.class.getResource("/dev/hoist/app/gui/hoist.css").toExternalForm());

        TextField command = new TextField();
        command.setId("startup-command");
        command.setPromptText("java -jar app.jar   (the command line to start; quotes as in a shell)");
        command.textProperty().bindBidirectional(vm.commandLineProperty());
        HBox.setHgrow(command, Priority.ALWAYS);
        ChoiceBox<StartupViewModel.End> end = new ChoiceBox<>();
        end.setId("startup-end");
        end.getItems().setAll(StartupViewModel.End.values());
        end.setConverter(new StringConverter<>() {
            @Override
            public String toString(StartupViewModel.End e) {
                return e == null ? "" : switch (e) {
                    case EXIT -> "to its exit";
                    case LOG_LINE -> "to a log line matching";
                    case PORT -> "to a port opening";
                    case AFTER -> "for seconds";
                };
            }

            @Override
            public StartupViewModel.End fromString(String s) {
                return null;
            }
        });
        end.valueProperty().bindBidirectional(vm.endProperty());
        TextField endValue = new TextField();
        endValue.setId("startup-end-value");
        endValue.setPrefColumnCount(10);
        endValue.textProperty().bindBidirectional(vm.endValueProperty());
        endValue.disableProperty().bind(vm.endProperty().isEqualTo(StartupViewModel.End.EXIT));
        Spinner<Integer> runs = new Spinner<>(1, 21, vm.runsProperty().get());
        runs.setPrefWidth(70);
        runsValue = vm.runsProperty().asObject(); // held: a bidirectional binding keeps only weak references
        runs.getValueFactory().valueProperty().bindBidirectional(runsValue);
        CheckBox measureOnly = new CheckBox("measure only");
        measureOnly.setId("startup-measure-only");
        measureOnly.selectedProperty().bindBidirectional(vm.measureOnlyProperty());
        Button run = new Button("▶  Run");
        run.setId("startup-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.stateProperty().isEqualTo(StartupViewModel.State.RUNNING));
        run.setOnAction(e -> vm.run());
        HBox form = new HBox(8, new Label("Start"), command, end, endValue, new Label("runs"), runs, measureOnly, run);
        form.setPadding(new Insets(10));
        form.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label progress = new Label();
        progress.setId("startup-progress");
        progress.textProperty().bind(vm.progressProperty());
        Label error = new Label();
        error.setId("startup-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(form, new VBox(4, progress, error));
        ((VBox) top.getChildren().get(1)).setPadding(new Insets(0, 10, 6, 10));
        setTop(top);

        chart.setId("startup-chart");
        chart.setTitle("Time to the end point, median ms: unchanged and with each cure");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(220);
        advice.setId("startup-advice");
        advice.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StartupAdvice a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : SafeText.clean(a.title()) + "   " + StartupText.gain(a));
            }
        });
        detail.setId("startup-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.getStyleClass().add("code");
        advice.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                loops.getSelectionModel().clearSelection();
                detail.setText(detailOf(b));
            }
        });
        loops.setId("startup-loops");
        loops.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Advice a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : SafeText.clean("#" + a.rank() + "  " + a.finding().rule() + "  " + simpleName(a.finding().className())
                        + "." + a.finding().method() + ":" + a.finding().line() + "   " + AdviceText.share(a)));
            }
        });
        loopsVerdict.setId("startup-loops-verdict");
        loopsVerdict.setWrapText(true);
        loops.setPlaceholder(loopsVerdict);
        loops.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                advice.getSelectionModel().clearSelection();
                detail.setText(loopDetailOf(b));
            }
        });
        Label loopsTitle = new Label("Loops hot during start");
        loopsTitle.setTooltip(new javafx.scene.control.Tooltip("Hoist's loop advisor on the sampled run, from the first instruction to the end point"));
        loopsTitle.getStyleClass().add("section-title");
        VBox.setVgrow(loops, Priority.ALWAYS);
        VBox loopsPane = new VBox(4, loopsTitle, loops);
        TextArea report = new TextArea();
        report.setId("startup-report");
        report.setEditable(false);
        report.getStyleClass().add("code");
        report.textProperty().bind(vm.reportTextProperty());
        SplitPane adviceAndDetail = new SplitPane(advice, loopsPane, detail);
        adviceAndDetail.setDividerPositions(0.36, 0.68);
        SplitPane center = new SplitPane(chart, adviceAndDetail, report);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.3, 0.6);
        setCenter(center);
        vm.reportProperty().addListener((o, a, r) -> show(r));
    }

    private void show(StartupReport r) {
        advice.getItems().setAll(r == null ? java.util.List.of() : r.advice());
        StartLoops l = r == null ? null : r.loops();
        loops.getItems().setAll(l == null ? java.util.List.of() : l.top());
        String verdict = l == null ? (r == null ? "" : "no loop advice: the start has no sampled run (see the notes in the report)") : l.verdict();
        loopsVerdict.setText(verdict == null ? "" : SafeText.clean(verdict));
        chart.getData().clear();
        if (r == null) return;
        XYChart.Series<String, Number> unchanged = new XYChart.Series<>();
        unchanged.setName("unchanged");
        XYChart.Series<String, Number> with = new XYChart.Series<>();
        with.setName("with the cure");
        for (StartupAdvice a : r.advice()) {
            if (a.measured() == null || a.measured().variant().isEmpty()) continue;
            String name = SafeText.clean(a.id());
            unchanged.getData().add(new XYChart.Data<>(name, a.measured().baselineMedian()));
            with.getData().add(new XYChart.Data<>(name, a.measured().variantMedian()));
        }
        chart.getData().add(unchanged);
        chart.getData().add(with);
        if (!advice.getItems().isEmpty()) advice.getSelectionModel().select(0);
    }

    private static String detailOf(StartupAdvice a) {
        StringBuilder b = new StringBuilder(SafeText.clean(a.title())).append("\n\n").append(StartupText.gain(a)).append("\n\n")
                .append(SafeText.clean(a.summary()));
        if (!a.options().isEmpty()) b.append("\n\nJVM options: ").append(SafeText.clean(String.join(" ", a.options())));
        for (String how : a.apply()) b.append("\n- ").append(SafeText.clean(how));
        if (a.code() != null && !a.code().isBlank()) b.append("\n\n").append(SafeText.clean(a.code()));
        return b.toString();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** One loop advice as the detail shows it: share, place, message, evidence and its fix (each line made safe). */
    private static String loopDetailOf(Advice a) {
        StringBuilder b = new StringBuilder(a.finding().rule()).append("   ").append(AdviceText.share(a)).append("\n")
                .append(AdviceText.where(a)).append("\n\n").append(a.finding().message());
        for (String e : a.evidence()) b.append("\n- ").append(e);
        if (!a.finding().fix().before().isBlank()) b.append("\n\nbefore:\n").append(a.finding().fix().before());
        if (!a.finding().fix().after().isBlank()) b.append("\n\nafter:\n").append(a.finding().fix().after());
        return String.join("\n", b.toString().lines().map(SafeText::clean).toList());
    }

    /** Opens the startup window over {@code owner}. */
    public static Stage open(Stage owner, StartupViewModel vm) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Hoist · startup");
        s.setScene(new Scene(new StartupWindow(vm), 1100, 760));
        s.show();
        return s;
    }
}
