package dev.hoist.app.cli;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FrameFilter;
import dev.hoist.core.report.ProfileExport;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The options async-profiler users know for shaping a profile, shared by {@code profile},
 * {@code attach}, {@code demo} and {@code report}: {@code -t} (per thread), {@code -I}/{@code -X}
 * (frames to keep or drop) and {@code --title}.
 */
final class ProfileFilters {

    @Option(names = {"-t", "--threads"},
            description = "Per thread: the text report lists each busy thread's own hot methods, and the flame graphs (of the "
                    + "html report, --format flamegraph and collapsed stacks) get one root frame per thread, as asprof -t.")
    boolean threads;

    @Option(names = {"-I", "--include"}, paramLabel = "<glob>",
            description = "Keep only samples with a frame matching this glob (pkg.Class.method; * any text; repeatable), "
                    + "as asprof -I. Applies to the report, the advice and collapsed/flamegraph output.")
    List<String> include = new ArrayList<>();

    @Option(names = {"-X", "--exclude"}, paramLabel = "<glob>",
            description = "Drop samples with a frame matching this glob (repeatable), as asprof -X.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--title", paramLabel = "<text>", description = "Title of the HTML report or flame graph.")
    String title;

    FrameFilter frameFilter() {
        return FrameFilter.ofGlobs(include, exclude);
    }

    ProfileExport.Settings exportSettings(EventKind kind) {
        return new ProfileExport.Settings(kind, threads, title, frameFilter());
    }

    static ProfileFilters none() {
        return new ProfileFilters();
    }
}
