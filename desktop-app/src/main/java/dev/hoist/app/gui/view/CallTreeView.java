package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.CallTreeViewModel;
import dev.hoist.app.gui.vm.OpenInIde;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.profile.CallTree;
import dev.hoist.core.profile.MethodRef;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The call tree (top-down, merged by method across frame types and lines) beside the back-traces of
 * the method selected in it: who calls it, and who calls them. Children are filled in when a row
 * is expanded. A right click copies a method or opens its source in the IDE when it is on disk.
 */
public final class CallTreeView extends SplitPane {
    private final CallTreeViewModel vm;
    private final TreeTableView<CallTree.Node> tree = table("call-tree");
    private final TreeTableView<CallTree.Node> callers = table("callers-tree");
    private final Label callersTitle = new Label("Callers: select a method in the call tree");
    private final Supplier<SourceFiles> sources;
    private Consumer<OpenInIde.Location> openInIde = l -> { };

    public CallTreeView(CallTreeViewModel vm, Supplier<SourceFiles> sources) {
        this.vm = vm;
        this.sources = sources;
        setId("call-tree-view");
        setOrientation(Orientation.HORIZONTAL);
        Label treeTitle = new Label("Call tree (top-down, by method)");
        treeTitle.getStyleClass().add("section-title");
        callersTitle.getStyleClass().add("section-title");
        callersTitle.setId("callers-title");
        callersTitle.setMinWidth(0);
        VBox left = new VBox(4, treeTitle, tree);
        VBox right = new VBox(4, callersTitle, callers);
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox.setVgrow(callers, Priority.ALWAYS);
        left.getStyleClass().add("tab-content");
        right.getStyleClass().add("tab-content");
        getItems().addAll(left, right);
        setDividerPositions(0.55);
        tree.setPlaceholder(new Label("No samples in the range and threads shown."));
        callers.setPlaceholder(new Label("Select a method in the call tree to see who calls it."));

        vm.treeProperty().addListener((o, a, t) -> tree.setRoot(t == null ? null : expanded(item(t.root()), 8)));
        vm.callersProperty().addListener((o, a, c) -> {
            callers.setRoot(c == null ? null : expanded(item(c.root()), 2));
            callersTitle.setText(c == null ? "Callers: select a method in the call tree"
                    : "Callers of " + c.root().method().displayName() + " (back-traces)");
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue().method() != null) {
                vm.select(b.getValue().method());
            }
        });
        if (vm.treeProperty().get() != null) {
            tree.setRoot(expanded(item(vm.treeProperty().get().root()), 8));
        }
        tree.setContextMenu(menu(tree));
        callers.setContextMenu(menu(callers));
    }

    public void setOpenInIde(Consumer<OpenInIde.Location> open) {
        this.openInIde = open;
    }

    private ContextMenu menu(TreeTableView<CallTree.Node> t) {
        MenuItem copy = new MenuItem("Copy method");
        copy.setOnAction(e -> {
            MethodRef m = selected(t);
            if (m != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(m.displayName());
                Clipboard.getSystemClipboard().setContent(c);
            }
        });
        MenuItem ide = new MenuItem("Open in IDE");
        ide.setId("tree-open-ide");
        ide.setOnAction(e -> {
            OpenInIde.Location at = location(selected(t));
            if (at != null) {
                openInIde.accept(at);
            }
        });
        MenuItem back = new MenuItem("Show callers");
        back.setOnAction(e -> vm.select(selected(t)));
        ContextMenu menu = new ContextMenu(copy, ide, back);
        // "Open in IDE" only when the method's source file is on disk
        menu.setOnShowing(e -> ide.setDisable(location(selected(t)) == null));
        return menu;
    }

    private static MethodRef selected(TreeTableView<CallTree.Node> t) {
        TreeItem<CallTree.Node> i = t.getSelectionModel().getSelectedItem();
        return i == null ? null : i.getValue().method();
    }

    /** The method's source file on disk (its outer class's .java) and its first line there, or null. */
    OpenInIde.Location location(MethodRef m) {
        if (m == null || m.className().isEmpty()) {
            return null;
        }
        String cls = m.className();
        int inner = cls.indexOf('$');
        String outer = inner > 0 ? cls.substring(0, inner) : cls;
        String file = outer.substring(outer.lastIndexOf('.') + 1) + ".java";
        var path = sources.get().file(outer, file);
        return path.map(p -> new OpenInIde.Location(p, CallTreeView.declarationLine(p, m.name()))).orElse(null);
    }

    /** The first line that names the method followed by "(", or 1: the file is opened where the method is. */
    static int declarationLine(java.nio.file.Path file, String method) {
        try (var lines = java.nio.file.Files.lines(file)) {
            var it = lines.iterator();
            for (int n = 1; it.hasNext(); n++) {
                String l = it.next();
                String code = l.trim();
                // a declaration, not a call: calls are statements that end in ";"
                if (!code.startsWith("//") && !code.startsWith("*") && !code.endsWith(";")
                        && l.matches(".*\\b" + java.util.regex.Pattern.quote(method) + "\\s*\\(.*")) {
                    return n;
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // unreadable: open at the top
        }
        return 1;
    }

    private static TreeItem<CallTree.Node> item(CallTree.Node n) {
        return new TreeItem<>(n) {
            private boolean built;

            @Override
            public boolean isLeaf() {
                return n.children().isEmpty();
            }

            @Override
            public ObservableList<TreeItem<CallTree.Node>> getChildren() {
                if (!built) {
                    built = true;
                    super.getChildren().setAll(n.children().stream().map(CallTreeView::item).toList());
                }
                return super.getChildren();
            }
        };
    }

    /** Opens the heaviest path {@code levels} deep, as IntelliJ's call tree opens. */
    private static TreeItem<CallTree.Node> expanded(TreeItem<CallTree.Node> root, int levels) {
        TreeItem<CallTree.Node> i = root;
        for (int l = 0; l < levels && i != null && !i.isLeaf(); l++) {
            i.setExpanded(true);
            i = i.getChildren().isEmpty() ? null : i.getChildren().get(0);
        }
        return root;
    }

    private TreeTableView<CallTree.Node> table(String id) {
        TreeTableView<CallTree.Node> t = new TreeTableView<>();
        t.setId(id);
        t.setShowRoot(true);
        TreeTableColumn<CallTree.Node, String> method = new TreeTableColumn<>("Method");
        method.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().method() == null ? "All samples"
                : c.getValue().getValue().method().displayName()));
        method.setPrefWidth(420);
        method.setMinWidth(120);
        TreeTableColumn<CallTree.Node, String> total = new TreeTableColumn<>("Total");
        total.setCellValueFactory(c -> new ReadOnlyStringWrapper(amount(c.getValue().getValue(), true)));
        total.setPrefWidth(130);
        total.setMinWidth(115); // the method's name gives way, not the numbers
        total.setStyle("-fx-alignment: CENTER-RIGHT;");
        TreeTableColumn<CallTree.Node, String> self = new TreeTableColumn<>("Self");
        self.setCellValueFactory(c -> new ReadOnlyStringWrapper(amount(c.getValue().getValue(), false)));
        self.setPrefWidth(120);
        self.setMinWidth(100);
        self.setStyle("-fx-alignment: CENTER-RIGHT;");
        t.getColumns().setAll(java.util.List.of(method, total, self));
        t.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private static String amount(CallTree.Node n, boolean total) {
        return CallTreeViewModel.amount(n.tree(), total ? n.total() : n.self());
    }

    public TreeTableView<CallTree.Node> tree() {
        return tree;
    }

    public TreeTableView<CallTree.Node> callers() {
        return callers;
    }
}
