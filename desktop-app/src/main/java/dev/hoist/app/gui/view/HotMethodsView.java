package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.Fmt;
import dev.hoist.app.gui.vm.HotMethodsViewModel;
import dev.hoist.app.gui.vm.HotMethodsViewModel.Row;
import dev.hoist.core.profile.MethodRef;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The hot-methods table: sortable by any column (self share first), filtered by the text field,
 * with a share bar in the share columns. Double-clicking a method shows it in the flame graph.
 * The selected method stays selected when a live session replaces the rows.
 */
public final class HotMethodsView extends VBox {
    private final TableView<Row> table = new TableView<>();

    public HotMethodsView(HotMethodsViewModel vm, Consumer<MethodRef> showInFlameGraph) {
        getStyleClass().add("tab-content");
        TextField filter = new TextField();
        filter.setId("methods-filter");
        filter.setPromptText("Filter methods by class or name");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefColumnCount(32);
        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.setId("methods-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label hint = new Label("Double-click a method to find it in the flame graph");
        hint.getStyleClass().addAll("muted", "small");
        // in a narrow window the filter gives way first, and the hint goes rather than showing "…"
        filter.setMinWidth(140);
        SessionView.fixedWidth(summary, hint);
        HBox bar = new HBox(10, filter, summary, grow, hint);
        hint.visibleProperty().bind(bar.widthProperty().greaterThan(840));
        hint.managedProperty().bind(hint.visibleProperty());
        bar.setAlignment(Pos.CENTER_LEFT);

        TableColumn<Row, String> method = new TableColumn<>("Method");
        method.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        method.setPrefWidth(520);
        method.setMinWidth(180);
        TableColumn<Row, Double> selfShare = share("Self %", Row::selfShare);
        TableColumn<Row, Long> self = number("Self", Row::self, vm);
        TableColumn<Row, Double> totalShare = share("Total %", Row::totalShare);
        TableColumn<Row, Long> total = number("Total", Row::total, vm);
        // short headers, so that they stay whole in a narrow window; the unit is in the summary line
        TableColumn<Row, String> lines = new TableColumn<>("Hot lines");
        lines.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().hottestLines()));
        lines.setPrefWidth(220);
        lines.setMinWidth(100);
        table.getColumns().setAll(List.of(method, selfShare, self, totalShare, total, lines));
        // the columns share the table's width, none below its minimum: at the window's minimum size the
        // method names shorten, the numbers and their headers do not turn into "…"
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setId("methods-table");
        selfShare.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(selfShare);

        SortedList<Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label empty = new Label("No samples yet.");
        empty.getStyleClass().add("empty");
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    showInFlameGraph.accept(row.getItem().method());
                }
            });
            return row;
        });
        // keep the user's selection across live replacements of the rows
        final MethodRef[] keep = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                keep[0] = b.method();
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> {
            if (keep[0] != null && table.getSelectionModel().getSelectedItem() == null) {
                for (Row r : table.getItems()) {
                    if (r.method().equals(keep[0])) {
                        table.getSelectionModel().select(r);
                        break;
                    }
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    public TableView<Row> table() {
        return table;
    }

    private static TableColumn<Row, Long> number(String title, java.util.function.ToLongFunction<Row> f,
                                                 HotMethodsViewModel vm) {
        TableColumn<Row, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsLong(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                // bytes in KB/MB/GB: "33,512,488,960" was unreadable
                setText(empty || v == null ? null : vm.amount(v));
            }
        });
        c.getStyleClass().add("num");
        c.setPrefWidth(110);
        c.setMinWidth(90);
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }

    private static TableColumn<Row, Double> share(String title, java.util.function.ToDoubleFunction<Row> f) {
        TableColumn<Row, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new ShareCell<>());
        c.setPrefWidth(120);
        c.setMinWidth(84);
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }

    /**
     * A share as a bar left of its percentage; cheap to update, since a live table updates every
     * second. Bar and number are the cell's graphic: children added to a cell itself are dropped
     * by its skin, which is why the bars the README promised were never drawn.
     */
    static final class ShareCell<S> extends TableCell<S, Double> {
        private final Region bar = new Region();
        private final Label number = new Label();
        private final Region room = new Region();
        // unmanaged, drawn over the room: it is sized by hand, the HBox lays out the room and the number
        private final HBox box = new HBox(4, room, number);
        private double share;

        ShareCell() {
            bar.getStyleClass().add("share-bar");
            bar.setManaged(false);
            HBox.setHgrow(room, Priority.ALWAYS);
            number.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_RIGHT);
            box.getChildren().add(0, bar);
            getStyleClass().add("num");
            // the bar follows the room left of the number as the column is resized
            room.widthProperty().addListener((o, a, b) -> placeBar());
            room.heightProperty().addListener((o, a, b) -> placeBar());
        }

        @Override
        protected void updateItem(Double v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            share = Math.max(0, Math.min(1, v));
            number.setText(Fmt.pct(v));
            setGraphic(box);
            placeBar();
        }

        private void placeBar() {
            double h = Math.min(12, Math.max(4, box.getHeight() - 6));
            bar.resizeRelocate(0, (box.getHeight() - h) / 2, Math.max(share > 0 ? 1 : 0, room.getWidth() * share), h);
        }

        /** The bar's drawn width, for tests: what the user sees of the share. */
        double barWidth() {
            return bar.getWidth();
        }
    }
}
