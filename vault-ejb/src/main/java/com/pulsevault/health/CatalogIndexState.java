package com.pulsevault.health;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the catalog index is in step with the meta.json files, as the catalog's reconciler last found it.
 * It lives in the EAR's lib/ jar beside the readiness check (WildFly finds checks only there, WFLY-12835);
 * the reconciler in the EJB module sees lib/ and sets it, the check never needs to see the EJB module.
 */
@ApplicationScoped
public class CatalogIndexState {

    /** What readiness and operators are told. */
    public enum Index { REBUILDING, BEHIND, CURRENT }

    private final AtomicBoolean behind = new AtomicBoolean(true);
    private volatile boolean running;

    public Index get() {
        return running ? Index.REBUILDING : behind.get() ? Index.BEHIND : Index.CURRENT;
    }

    public void markBehind() {
        behind.set(true);
    }

    /** @return true when the index was behind: the caller now brings it up to date */
    public boolean takeBehind() {
        return behind.getAndSet(false);
    }

    public void running(boolean value) {
        running = value;
    }
}
