package dev.hoist.app.gui.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** What the window shows before any session: the four ways in, each one click away. */
public final class WelcomeView extends VBox {

    public WelcomeView(Runnable demo, Runnable open, Runnable analyze) {
        getStyleClass().add("welcome");
        setId("welcome");
        Label title = new Label("Find the loops that cost you");
        title.getStyleClass().add("welcome-title");
        Text intro = new Text("Hoist samples a running JVM, finds the loops where the time and the allocations go, "
                + "reads their bytecode and tells you what to change: hoist this field read, pre-size that collection, "
                + "stop boxing here. Every piece of advice carries the share of the profile measured in its loop.");
        intro.getStyleClass().add("welcome-text");
        TextFlow introFlow = new TextFlow(intro);
        introFlow.setMaxWidth(760);

        FlowPane cards = new FlowPane(14, 14,
                card("Attach to a running JVM", "Double-click a JVM in the list on the left, or type its PID. "
                        + "Sampling starts at once; stop it when you have seen enough.", null, null),
                card("Try the demo", "Starts a small order-processing workload with four planted loop problems "
                        + "and samples it.", "Run the demo", demo),
                card("Open a recording", "A .jfr from async-profiler or the JDK's Flight Recorder, collapsed stacks, "
                        + "or a saved .hoist session.", "Open…", open),
                card("Analyze a jar or folder", "Static findings from bytecode, without a profile: nothing is loaded "
                        + "or run.", "Analyze…", analyze));
        cards.setPrefWrapLength(1100);
        getChildren().addAll(title, introFlow, cards);
        setAlignment(Pos.TOP_LEFT);
    }

    private static VBox card(String title, String text, String action, Runnable run) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("muted");
        body.setMinHeight(54);
        VBox card = new VBox(8, t, body);
        card.getStyleClass().add("card");
        if (action != null) {
            Button b = new Button(action);
            b.getStyleClass().add("primary");
            b.setOnAction(e -> run.run());
            b.setId("welcome-" + action.replace("…", "").replace(' ', '-').toLowerCase(java.util.Locale.ROOT));
            card.getChildren().add(b);
        }
        return card;
    }
}
