package dev.hoist.app.gui.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A one-line message across the top of a pane, with a button to dismiss it: errors in red, notes
 * in blue. Hidden (and taking no room) while its text is empty. Never a dialog: the user reads it
 * and goes on working.
 */
public final class Banner extends HBox {
    private final Label text = new Label();

    public Banner(javafx.beans.property.ReadOnlyStringProperty message, boolean error, Runnable dismiss) {
        getStyleClass().add("banner");
        if (!error) {
            getStyleClass().add("info");
        }
        setId(error ? "error-banner" : "notes-banner");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(message);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setOnAction(e -> dismiss.run());
        close.setAccessibleText("Dismiss");
        getChildren().addAll(new Label(error ? "⚠" : "ℹ"), text, close);
        visibleProperty().bind(message.isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    public Label text() {
        return text;
    }
}
