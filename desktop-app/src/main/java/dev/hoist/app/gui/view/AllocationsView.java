package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.AllocationsViewModel;
import dev.hoist.app.gui.vm.AllocationsViewModel.SiteRow;
import dev.hoist.app.gui.vm.AllocationsViewModel.TypeRow;
import dev.hoist.app.gui.vm.Fmt;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * What was allocated: the types (bytes with units, share with a bar) beside the sites that
 * allocate them (method and line, and for a JDK site the application's caller), both sortable.
 */
public final class AllocationsView extends VBox {
    private final TableView<TypeRow> types = new TableView<>();
    private final TableView<SiteRow> sites = new TableView<>();

    public AllocationsView(AllocationsViewModel vm) {
        getStyleClass().add("tab-content");
        Label summary = new Label();
        summary.setId("alloc-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());

        TableColumn<TypeRow, String> type = text("Allocated type", TypeRow::type, 240);
        TableColumn<TypeRow, Long> typeBytes = bytes("Bytes", TypeRow::bytes);
        TableColumn<TypeRow, Double> typeShare = share(TypeRow::share);
        type.setMinWidth(100);
        types.getColumns().setAll(List.of(type, typeBytes, typeShare));
        types.setId("alloc-types");
        sorted(types, vm.types(), typeBytes);

        TableColumn<SiteRow, String> site = text("Allocated at", SiteRow::site, 360);
        TableColumn<SiteRow, String> caller = text("Called from", SiteRow::caller, 260);
        TableColumn<SiteRow, String> siteType = text("Type", SiteRow::type, 200);
        TableColumn<SiteRow, Long> siteBytes = bytes("Bytes", SiteRow::bytes);
        TableColumn<SiteRow, Double> siteShare = share(SiteRow::share);
        sites.getColumns().setAll(List.of(site, siteType, siteBytes, siteShare, caller));
        sites.setId("alloc-sites");
        sorted(sites, vm.sites(), siteBytes);

        for (TableView<?> t : List.of(types, sites)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            Label empty = new Label("No allocation samples.");
            empty.getStyleClass().add("empty");
            t.setPlaceholder(empty);
        }
        // side by side: one above the other left a few rows each once the timeline and the header took
        // their height at 1000x700
        SplitPane split = new SplitPane(types, sites);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.4);
        types.setMinWidth(270); // the type, its bytes and its share side by side
        // a SplitPane keeps a pane's width when the window shrinks: the sites would get all of the loss
        types.maxWidthProperty().bind(split.widthProperty().multiply(0.45));
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(summary, split);
    }

    public TableView<TypeRow> types() {
        return types;
    }

    public TableView<SiteRow> sites() {
        return sites;
    }

    private static <R> void sorted(TableView<R> table, javafx.collections.ObservableList<R> rows, TableColumn<R, Long> by) {
        SortedList<R> s = new SortedList<>(rows);
        s.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(s);
        by.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(by);
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> f, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(80);
        return c;
    }

    private static <R> TableColumn<R, Long> bytes(String title, java.util.function.ToLongFunction<R> f) {
        TableColumn<R, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsLong(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Fmt.bytes((double) v));
            }
        });
        c.getStyleClass().add("num");
        c.setPrefWidth(100);
        c.setMinWidth(76);
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }

    private static <R> TableColumn<R, Double> share(java.util.function.ToDoubleFunction<R> f) {
        TableColumn<R, Double> c = new TableColumn<>("Share");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new HotMethodsView.ShareCell<>());
        c.setPrefWidth(120);
        c.setMinWidth(80);
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }
}
