package dev.hoist.app.gui.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A one-line message across the top of a pane: errors in red, with a button to dismiss them;
 * notes in blue, which stay until their text goes. Hidden (and taking no room) while its text is empty. Never a dialog: the user reads it
 * and goes on working.
 */
public final class Banner extends HBox {
    private final Label text = new Label();

    /** @param dismiss what the dismiss button does; null for a note, which has none */
    public Banner(javafx.beans.property.ReadOnlyStringProperty message, Runnable dismiss) {
        boolean error = dismiss != null;
        getStyleClass().add("banner");
        if (!error) {
            getStyleClass().add("info");
        }
        setId(error ? "error-banner" : "notes-banner");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(message);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(new Label(error ? "⚠" : "ℹ"), text);
        if (error) {
            Button close = new Button("✕");
            close.setOnAction(e -> dismiss.run());
            close.setAccessibleText("Dismiss");
            getChildren().add(close);
        }
        visibleProperty().bind(message.isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
