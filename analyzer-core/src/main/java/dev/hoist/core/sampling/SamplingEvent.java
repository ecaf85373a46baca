package dev.hoist.core.sampling;

/** What a sampler records: on-CPU stacks, wall-clock stacks, allocation sites, contended locks. */
public enum SamplingEvent {
    CPU, WALL, ALLOC, LOCK;

    /** The lower-case name users type ({@code --events cpu,alloc}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
