package com.pulsevault.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the catalog index is in step with the meta.json files, as the reconciler last found it. */
@ApplicationScoped
public class CatalogState {

    /** What readiness and operators are told. */
    public enum Index { REBUILDING, BEHIND, CURRENT }

    private final AtomicBoolean behind = new AtomicBoolean(true);
    private volatile boolean running;

    public Index get() {
        return running ? Index.REBUILDING : behind.get() ? Index.BEHIND : Index.CURRENT;
    }

    void markBehind() {
        behind.set(true);
    }

    /** @return true when the index was behind: the caller now brings it up to date */
    boolean takeBehind() {
        return behind.getAndSet(false);
    }

    void running(boolean value) {
        running = value;
    }
}
