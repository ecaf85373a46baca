package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.AdviceViewModel;
import dev.hoist.app.gui.vm.OpenInIde;
import dev.hoist.app.gui.vm.AdviceViewModel.Detail;
import dev.hoist.app.gui.vm.AdviceViewModel.SourceLine;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.rule.Finding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The ranked advice: a list of findings on the left (rank, the loop's measured share, rule,
 * where, confidence and severity), and the selected one's detail on the right: what to change and
 * why, the JVM mechanism, the profile evidence, the before/after fix, and the source lines with the
 * loop marked. Below the list, which hot methods could not be read.
 */
public final class AdviceView extends VBox {
    private final ListView<Advice> list = new ListView<>();
    private final VBox detail = new VBox();
    private final AdviceViewModel vm;
    private java.util.function.Consumer<OpenInIde.Location> openInIde = l -> { };

    public AdviceView(AdviceViewModel vm) {
        this.vm = vm;
        getStyleClass().add("tab-content");
        setStyle("-fx-padding: 0;");
        list.setId("advice-list");
        list.setItems(vm.shown());
        list.setCellFactory(l -> new AdviceCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            // the very item the list shows, not an equal one, is what the view model must hold
            @SuppressWarnings("ReferenceEquality")
            boolean other = vm.selectedProperty().get() != b;
            if (b != null && other) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            // the very item the view model holds, not an equal one, is what the list must select
            @SuppressWarnings("ReferenceEquality")
            boolean other = list.getSelectionModel().getSelectedItem() != b;
            if (b != null && other) {
                list.getSelectionModel().select(b);
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.getStyleClass().add("empty");
        empty.setWrapText(true);
        empty.setMaxWidth(320);
        empty.setId("advice-empty");
        list.setPlaceholder(empty);

        Label summary = new Label();
        summary.getStyleClass().addAll("muted", "small");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label blind = new Label();
        blind.getStyleClass().addAll("muted", "small");
        blind.setWrapText(true);
        blind.textProperty().bind(vm.blindProperty().map(s -> {
            long n = s.lines().count();
            return n == 0 ? "" : n + " hot method" + (n == 1 ? "" : "s") + " could not be read (hover for why)";
        }));
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.blindProperty());
        why.setWrapText(true);
        why.setMaxWidth(700);
        blind.setTooltip(why);
        blind.visibleProperty().bind(vm.blindProperty().isNotEmpty());
        blind.managedProperty().bind(blind.visibleProperty());
        blind.setMaxHeight(90);
        TextField filter = new TextField();
        filter.setId("advice-filter");
        filter.setPromptText("Filter by rule, class or method");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        VBox left = new VBox(6, summary, filter, list, blind);
        left.setStyle("-fx-padding: 8;");
        left.setMinWidth(270); // a row's rank, share and confidence side by side
        VBox.setVgrow(list, Priority.ALWAYS);

        detail.getStyleClass().add("detail");
        detail.setId("advice-detail");
        ScrollPane scroller = new ScrollPane(detail);
        scroller.setFitToWidth(true);
        scroller.setStyle("-fx-background-color: white; -fx-background: white;");
        vm.detailProperty().addListener((o, a, b) -> show(b));
        show(vm.detailProperty().get());

        SplitPane split = new SplitPane(left, scroller);
        split.setDividerPositions(0.36);
        // a SplitPane keeps the list's width when the window shrinks and takes it all from the
        // detail: at 1000 px the detail was left a third of the room; the list gets half at most
        left.maxWidthProperty().bind(split.widthProperty().multiply(0.5));
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);
    }

    public ListView<Advice> list() {
        return list;
    }

    private void show(Detail d) {
        detail.getChildren().clear();
        if (d == null) {
            Label none = new Label("Select a piece of advice to see what to change and why.");
            none.getStyleClass().add("empty");
            detail.getChildren().add(none);
            return;
        }
        Finding f = d.advice().finding();
        Label title = new Label(d.title());
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.setId("detail-title");
        // the chips wrap onto a second line in a narrow detail rather than each turning into "…"
        javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(6, 4, chip(f.rule(), ""), chip("confidence " + AdviceViewModel.lower(d.advice().confidence()),
                AdviceViewModel.lower(d.advice().confidence())), chip("severity " + AdviceViewModel.lower(f.severity()),
                AdviceViewModel.lower(f.severity())));
        chips.setAlignment(Pos.CENTER_LEFT);
        detail.getChildren().addAll(title, chips);
        if (d.measured() && !d.share().isEmpty()) {
            Label share = new Label(d.share());
            share.getStyleClass().add("detail-share");
            share.setWrapText(true);
            detail.getChildren().add(share);
        }
        // selectable, and a right click copies it: the location is what a user pastes into an IDE
        TextField where = new TextField(d.location());
        where.setEditable(false);
        where.getStyleClass().addAll("muted", "selectable-text");
        where.setId("detail-location");
        where.setContextMenu(copyMenu(where, "Copy location"));
        detail.getChildren().add(where);
        if (d.sourceFile() != null) {
            // the source is a file on disk: a link to it in the IDE, and the same in the location's menu
            OpenInIde.Location at = new OpenInIde.Location(d.sourceFile(), f.line());
            javafx.scene.control.Hyperlink ide = new javafx.scene.control.Hyperlink("Open in IDE  ("
                    + d.sourceFile().getFileName() + ":" + f.line() + ")");
            ide.setId("detail-open-ide");
            ide.setOnAction(e -> openInIde.accept(at));
            MenuItem menuIde = new MenuItem("Open in IDE");
            menuIde.setId("menu-open-ide");
            menuIde.setOnAction(e -> openInIde.accept(at));
            MenuItem copyUri = new MenuItem("Copy idea:// link");
            copyUri.setOnAction(e -> toClipboard(OpenInIde.ideaUri(at)));
            where.getContextMenu().getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), menuIde, copyUri);
            detail.getChildren().add(ide);
        }

        detail.getChildren().addAll(section("WHAT TO CHANGE"), paragraph(d.message()));
        if (!d.before().isBlank() || !d.after().isBlank()) {
            detail.getChildren().add(section("FIX, IN YOUR NAMES"));
            if (!d.before().isBlank()) {
                detail.getChildren().add(codeBox("Before", d.before(), "before"));
            }
            if (!d.after().isBlank()) {
                detail.getChildren().add(codeBox("After", d.after(), "after"));
            }
        }
        detail.getChildren().addAll(section("WHY IT COSTS: THE JVM MECHANISM"), paragraph(d.mechanism()));
        if (d.measured()) {
            detail.getChildren().add(section("PROFILE EVIDENCE"));
            if (d.evidence().isEmpty()) {
                detail.getChildren().add(paragraph("No profile evidence beyond the loop's samples."));
            }
            for (String e : d.evidence()) {
                detail.getChildren().add(paragraph("•  " + e));
            }
        }
        detail.getChildren().add(section("SOURCE" + (d.sourceNote() != null && !d.source().isEmpty() ? " — " + d.sourceNote() : "")));
        if (d.source().isEmpty()) {
            Label note = new Label(d.sourceNote());
            note.getStyleClass().add("muted");
            note.setWrapText(true);
            detail.getChildren().add(note);
        } else {
            VBox src = new VBox();
            src.getStyleClass().add("source");
            src.setId("advice-source");
            for (SourceLine l : d.source()) {
                Label no = new Label(Integer.toString(l.number()));
                no.getStyleClass().add("line-no");
                Label text = new Label(l.text().replace("\t", "    "));
                text.setStyle("-fx-font-family: 'DejaVu Sans Mono'; -fx-font-size: 12px;");
                HBox row = new HBox(no, text);
                row.getStyleClass().add("source-line");
                if (l.inLoop()) {
                    row.getStyleClass().add("in-loop");
                }
                if (l.flagged()) {
                    row.getStyleClass().add("flagged");
                }
                src.getChildren().add(row);
            }
            String lines = String.join("\n", d.source().stream().map(l -> l.text().replace("\t", "    ")).toList());
            MenuItem copySource = new MenuItem("Copy source lines");
            copySource.setOnAction(e -> toClipboard(lines));
            ContextMenu menu = new ContextMenu(copySource);
            src.setOnContextMenuRequested(e -> {
                menu.show(src, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            detail.getChildren().add(src);
        }
        // the whole advice as text, from anywhere in the detail that has no menu of its own
        MenuItem copyAdvice = new MenuItem("Copy this advice");
        copyAdvice.setOnAction(e -> toClipboard(asText(d)));
        ContextMenu adviceMenu = new ContextMenu(copyAdvice);
        detail.setOnContextMenuRequested(e -> {
            if (!e.isConsumed()) {
                adviceMenu.show(detail, e.getScreenX(), e.getScreenY());
            }
        });
    }

    /** What "Open in IDE" does with a location: the window runs the configured command or the idea:// link. */
    public void setOpenInIde(java.util.function.Consumer<OpenInIde.Location> open) {
        this.openInIde = open;
    }

    /** The detail as plain text: what "Copy this advice" puts on the clipboard. */
    static String asText(Detail d) {
        StringBuilder b = new StringBuilder(d.title()).append('\n');
        if (d.measured() && !d.share().isEmpty()) {
            b.append(d.share()).append('\n');
        }
        b.append(d.location()).append("\n\n").append(d.message()).append('\n');
        if (!d.before().isBlank()) {
            b.append("\nBefore:\n").append(d.before().stripTrailing()).append('\n');
        }
        if (!d.after().isBlank()) {
            b.append("\nAfter:\n").append(d.after().stripTrailing()).append('\n');
        }
        b.append('\n').append(d.mechanism()).append('\n');
        for (String e : d.evidence()) {
            b.append("- ").append(e).append('\n');
        }
        return b.toString();
    }

    /**
     * Copy (the selection, or all of it when nothing is selected), a second item that copies all,
     * and Select all: the menu of read-only text in the detail.
     */
    static ContextMenu copyMenu(TextInputControl text, String copyAll) {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> toClipboard(text.getSelectedText().isEmpty() ? text.getText() : text.getSelectedText()));
        MenuItem all = new MenuItem(copyAll);
        all.setOnAction(e -> toClipboard(text.getText()));
        MenuItem select = new MenuItem("Select all");
        select.setOnAction(e -> text.selectAll());
        return new ContextMenu(copy, all, select);
    }

    static void toClipboard(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static Label chip(String text, String style) {
        Label l = new Label(text);
        SessionView.fixedWidth(l);
        l.getStyleClass().add("chip");
        if (!style.isEmpty()) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Node paragraph(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("body-text");
        TextFlow flow = new TextFlow(t);
        flow.setMaxWidth(Double.MAX_VALUE);
        return flow;
    }

    private static Node codeBox(String title, String code, String kind) {
        Label head = new Label(title);
        head.getStyleClass().add("code-head");
        // read-only text, so that it can be selected and copied (a label cannot)
        String shown = code.replace("\t", "    ").stripTrailing();
        TextArea text = new TextArea(shown);
        text.setEditable(false);
        text.getStyleClass().addAll("code", kind);
        text.setId("fix-" + kind);
        text.setStyle("-fx-font-family: 'DejaVu Sans Mono'; -fx-font-size: 12px;");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        // as tall as the code: a line more than it has, for a wrapped line
        text.setPrefRowCount((int) shown.lines().count() + 1);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setContextMenu(copyMenu(text, "Copy " + title.toLowerCase(java.util.Locale.ROOT) + " code"));
        VBox box = new VBox(2, head, text);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** One advice in the list: rank and share on the first line, rule title, then where and the chips. */
    private final class AdviceCell extends ListCell<Advice> {
        private final Label rank = new Label();
        private final Label share = new Label();
        private final Label rule = new Label();
        private final Label where = new Label();
        private final Label conf = new Label();
        private final Region bar = new Region();
        private final VBox box;

        AdviceCell() {
            rank.getStyleClass().add("advice-rank");
            share.getStyleClass().add("advice-share");
            rule.getStyleClass().add("advice-rule");
            rule.setWrapText(true);
            where.getStyleClass().add("advice-where");
            conf.getStyleClass().add("chip");
            bar.getStyleClass().add("share-bar");
            bar.setPrefHeight(4);
            bar.setMaxHeight(4);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            // the rank, the share and the confidence are the point of the row: the location below gives way
            SessionView.fixedWidth(rank, share, conf);
            where.setWrapText(true); // a long location wraps rather than losing its line number
            HBox top = new HBox(8, rank, share, grow, conf);
            top.setAlignment(Pos.CENTER_LEFT);
            StackPane barBox = new StackPane(bar);
            barBox.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, top, rule, where, barBox);
            box.getStyleClass().add("advice-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Advice a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Finding f = a.finding();
            rank.setText("#" + a.rank());
            String s = vm.measuredProperty().get() ? AdviceViewModel.share(a) : "score " + f.score();
            share.setText(s);
            rule.setText(vm.title(f.rule()));
            where.setText(AdviceViewModel.location(f));
            conf.setText(AdviceViewModel.lower(a.confidence()));
            conf.getStyleClass().setAll("chip", AdviceViewModel.lower(a.confidence()));
            double frac = vm.measuredProperty().get() ? Math.min(1, a.rankingShare()) : f.score() / 100.0;
            bar.maxWidthProperty().bind(widthProperty().subtract(30).multiply(frac));
            bar.setMinWidth(2);
            setGraphic(box);
            setText(null);
        }
    }
}
