package dev.hoist.app.cli;

import dev.hoist.core.SafeText;
import dev.hoist.core.profile.EventKind;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code hoist attach} on a terminal: JLine puts the terminal in raw mode on its alternate screen,
 * reads keys, reports resizes, and diffs the rows {@link AttachScreen} draws onto the screen
 * ({@link Display}); nothing here writes an escape sequence by hand. A ticker refreshes the
 * session once a second; keys act at once. Returns when the user quits or the sampling ended (the
 * target exited); the terminal is restored either way.
 */
final class AttachTerminal {

    private enum Key { QUIT, CPU, WALL, ALLOC, LOCK, WINDOW, RESET, PAUSE, UP, DOWN, PAGE_UP, PAGE_DOWN, ENTER, BACK, RECORD,
        THREADS, HELP, REDRAW, FRAMES }

    private final Terminal terminal;
    private final AttachSession session;
    private final AttachScreen screen;
    private final Display display;
    private final AttachScreen.Ui ui = new AttachScreen.Ui();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hoist-attach-tick"));
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> daemon(r, "hoist-attach-work"));
    private volatile AttachView shown;
    private volatile boolean ended;
    private volatile boolean quit;
    private Size size;
    private int records;

    private AttachTerminal(Terminal terminal, AttachSession session, AttachScreen screen) {
        this.terminal = terminal;
        this.session = session;
        this.screen = screen;
        this.display = new Display(terminal, true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Whether this terminal can take a full-screen session (not a dumb one). */
    static boolean usable(Terminal t) {
        return !Terminal.TYPE_DUMB.equals(t.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(t.getType())
                && t.getSize().getRows() >= 8 && t.getSize().getColumns() >= 20;
    }

    /**
     * Runs the session on {@code terminal} until the user quits or sampling ends; returns the
     * files written by the record key, for the closing lines.
     */
    static List<String> run(Terminal terminal, AttachSession session, AttachScreen screen) throws IOException {
        AttachTerminal t = new AttachTerminal(terminal, session, screen);
        return t.loop();
    }

    private List<String> loop() throws IOException {
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        Terminal.SignalHandler oldWinch = terminal.handle(Terminal.Signal.WINCH, s -> onTicker(this::draw));
        Terminal.SignalHandler oldInt = terminal.handle(Terminal.Signal.INT, s -> quit = true);
        try {
            ui.status = "sampling " + session.sampled().stream().map(EventKind::id).toList() + " into "
                    + session.live().sampling().request().output() + "; ? for help";
            // tick catches what it throws, so the schedule never ends by an exception
            var unused = ticker.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
            KeyMap<Key> keys = keys();
            NonBlockingReader in = terminal.reader();
            BindingReader reader = new BindingReader(in);
            while (!quit && !ended && !session.stopRequested()) {
                int c = reader.peekCharacter(200);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c == NonBlockingReader.EOF) {
                    break;
                }
                Key k = reader.readBinding(keys, null, false);
                if (k != null) {
                    act(k, said);
                }
            }
        } finally {
            // a record or thread dump under way is finished first: r then q must still write the files
            work.shutdown();
            ticker.shutdownNow();
            try {
                work.awaitTermination(60, TimeUnit.SECONDS);
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            terminal.handle(Terminal.Signal.WINCH, oldWinch);
            terminal.handle(Terminal.Signal.INT, oldInt);
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
        }
        return said;
    }

    private KeyMap<Key> keys() {
        KeyMap<Key> k = new KeyMap<>();
        k.bind(Key.QUIT, "q", "Q", KeyMap.ctrl('C'));
        k.bind(Key.CPU, "c");
        k.bind(Key.WALL, "w");
        k.bind(Key.ALLOC, "a");
        k.bind(Key.LOCK, "l");
        k.bind(Key.WINDOW, "s");
        k.bind(Key.FRAMES, "f");
        k.bind(Key.RESET, "z");
        k.bind(Key.PAUSE, "p", " ");
        k.bind(Key.RECORD, "r");
        k.bind(Key.THREADS, "t");
        k.bind(Key.HELP, "?", "h");
        k.bind(Key.ENTER, "\r", "\n");
        k.bind(Key.REDRAW, KeyMap.ctrl('L'));
        k.bind(Key.BACK, KeyMap.esc(), "b");
        k.bind(Key.UP, KeyMap.key(terminal, Capability.key_up), "\033[A", "\033OA", "k");
        k.bind(Key.DOWN, KeyMap.key(terminal, Capability.key_down), "\033[B", "\033OB", "j");
        k.bind(Key.PAGE_UP, KeyMap.key(terminal, Capability.key_ppage), "\033[5~");
        k.bind(Key.PAGE_DOWN, KeyMap.key(terminal, Capability.key_npage), "\033[6~");
        k.setAmbiguousTimeout(100);
        return k;
    }

    private void act(Key k, List<String> said) {
        synchronized (ui) {
            switch (k) {
                case QUIT -> quit = true;
                case CPU -> kind(EventKind.CPU);
                case WALL -> kind(EventKind.WALL);
                case ALLOC -> kind(EventKind.ALLOC);
                case LOCK -> kind(EventKind.LOCK);
                case WINDOW -> {
                    session.toggleWindow();
                    ui.status = "window: " + (session.window() == AttachSession.Window.LAST ? "last seconds" : "since start");
                    onTicker(this::tick);
                }
                case FRAMES -> {
                    ui.status = session.toggleOwnCode() ? "hot code: the application's methods, charged with the JDK code they call"
                            : "hot methods: every frame by its self samples";
                    onTicker(this::tick);
                }
                case RESET -> {
                    session.resetWindow();
                    ui.status = "window reset: hot methods and advice from now on";
                    onTicker(this::tick);
                }
                case PAUSE -> pause();
                case UP -> move(-1);
                case DOWN -> move(1);
                case PAGE_UP -> move(-Math.max(1, rows() - 3));
                case PAGE_DOWN -> move(Math.max(1, rows() - 3));
                case ENTER -> {
                    if (ui.mode == AttachScreen.Mode.MAIN) {
                        AttachView v = shown;
                        if (v != null && !v.advice().isEmpty()) {
                            ui.mode = AttachScreen.Mode.DETAIL;
                            ui.scroll = 0;
                        } else {
                            ui.status = "no advice to show yet";
                        }
                    } else {
                        ui.mode = AttachScreen.Mode.MAIN;
                    }
                }
                case BACK -> ui.mode = AttachScreen.Mode.MAIN;
                case HELP -> {
                    ui.mode = ui.mode == AttachScreen.Mode.HELP ? AttachScreen.Mode.MAIN : AttachScreen.Mode.HELP;
                    ui.scroll = 0;
                }
                case RECORD -> record(said);
                case THREADS -> threads();
                case REDRAW -> onTicker(() -> {
                    display.clear();
                    draw();
                });
            }
        }
        onTicker(this::draw);
    }

    /** Runs on the ticker, the one thread that draws; nothing once the session is closing. */
    private void onTicker(Runnable r) {
        try {
            ticker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the session ends: nothing more is drawn
        }
    }

    private void kind(EventKind k) {
        if (session.show(k)) {
            ui.status = "hot methods ranked by " + k.id() + " samples";
            onTicker(this::tick);
            return;
        }
        ui.status = "restarting the sampler with " + k.id() + " added; the samples so far are kept…";
        work.execute(() -> {
            String msg;
            try {
                session.sampleAlso(k);
                msg = "now sampling " + session.sampled().stream().map(EventKind::id).toList()
                        + "; hot methods ranked by " + k.id() + " samples";
            } catch (RuntimeException e) {
                msg = "could not add " + k.id() + ": " + SafeText.clean(String.valueOf(e.getMessage()));
            }
            status(msg);
            onTicker(this::tick);
        });
        onTicker(this::tick);
    }

    /** Pauses sampling in the target, or resumes it; on the work thread, since the sampler stops or starts. */
    private void pause() {
        ui.status = "pausing…";
        work.execute(() -> {
            String msg;
            try {
                msg = session.togglePause() ? "paused: the profiler is stopped in the target, the samples kept (p resumes)"
                        : "resumed: sampling into the same recording";
            } catch (RuntimeException e) {
                msg = "pause/resume failed: " + SafeText.clean(String.valueOf(e.getMessage()));
            }
            status(msg);
            onTicker(this::tick);
        });
        onTicker(this::tick);
    }

    private void status(String msg) {
        synchronized (ui) {
            ui.status = msg;
        }
    }

    private void move(int by) {
        if (ui.mode == AttachScreen.Mode.MAIN) {
            AttachView v = shown;
            int n = v == null ? 0 : v.advice().size();
            ui.selected = Math.max(0, Math.min(n - 1, ui.selected + by));
        } else {
            ui.scroll = Math.max(0, ui.scroll + by);
        }
    }

    private void record(List<String> said) {
        int n = ++records;
        ui.status = "recording what was sampled so far…";
        work.execute(() -> {
            String msg;
            try {
                List<Path> files = session.record(n);
                msg = "recorded " + files.get(0) + " (+ " + String.join(" ", files.subList(1, files.size()).stream()
                        .map(p -> p.getFileName().toString().replaceFirst(".*\\.", ".")).toList()) + ")";
                said.add(msg);
            } catch (IOException | RuntimeException e) {
                msg = "record failed: " + e.getMessage();
            }
            String m = msg;
            synchronized (ui) {
                ui.status = m;
            }
            onTicker(this::draw);
        });
    }

    private void threads() {
        ui.status = "reading a thread dump of the target…";
        work.execute(() -> {
            String msg;
            try {
                Map.Entry<Path, String> dump = session.threadDump();
                synchronized (ui) {
                    ui.dump = List.of(dump.getValue().split("\n"));
                    ui.mode = AttachScreen.Mode.DUMP;
                    ui.scroll = 0;
                }
                msg = "thread dump written to " + dump.getKey();
            } catch (IOException | RuntimeException e) {
                msg = "thread dump failed: " + e.getMessage();
            }
            String m = msg;
            synchronized (ui) {
                ui.status = m;
            }
            onTicker(this::draw);
        });
    }

    /** One refresh: new samples, vital signs and (when idle) a re-ranking; then the screen. On the ticker only. */
    private void tick() {
        try {
            if (session.live().ended()) {
                ended = true;
                return;
            }
            AttachView v = session.refresh();
            shown = v;
            draw();
        } catch (RuntimeException e) {
            synchronized (ui) {
                ui.status = "refresh failed: " + SafeText.clean(String.valueOf(e));
            }
        }
    }

    private int rows() {
        Size s = size;
        return s == null ? 24 : s.getRows();
    }

    /** Draws the last view at the terminal's current size; on the ticker only, so Display sees one thread. */
    private void draw() {
        AttachView v = shown;
        if (v == null) {
            return;
        }
        Size now = terminal.getSize();
        if (size == null || now.getRows() != size.getRows() || now.getColumns() != size.getColumns()) {
            size = new Size(now.getColumns(), now.getRows());
            display.clear();
            display.resize(now.getRows(), now.getColumns());
        }
        List<AttributedString> rows;
        synchronized (ui) {
            rows = screen.render(v, ui, size.getColumns(), size.getRows());
        }
        display.update(rows, size.cursorPos(size.getRows() - 1, 0));
        terminal.flush();
    }

    /** Whether the terminal takes UTF-8, for the bars and arrows; else they are ASCII. */
    static boolean unicode(Terminal t) {
        return t.encoding() != null && t.encoding().equals(StandardCharsets.UTF_8)
                && !"C".equals(System.getenv("LC_ALL")) && !"POSIX".equals(System.getenv("LC_ALL"));
    }

    static String describe(Terminal t) {
        return String.format(Locale.ROOT, "%s %dx%d", t.getType(), t.getSize().getColumns(), t.getSize().getRows());
    }
}
