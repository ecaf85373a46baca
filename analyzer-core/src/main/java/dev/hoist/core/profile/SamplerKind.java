package dev.hoist.core.profile;

/** Which tool produced a recording; read from the file itself, never guessed from its name. */
public enum SamplerKind {
    ASYNC_PROFILER("async-profiler"),
    JDK_JFR("jdk-jfr"),
    COLLAPSED("collapsed");

    private final String id;

    SamplerKind(String id) {
        this.id = id;
    }

    /** Stable id used in reports. */
    public String id() {
        return id;
    }
}
