package com.pulsevault.health;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Whether the audit witness has every checkpoint, as the last delivery found it. In lib/ beside the
 * check that reports it (see {@link CatalogIndexState} for why); the checkpoint writer sets it.
 */
@ApplicationScoped
public class WitnessState {

    public enum Witness { NONE, CURRENT, BEHIND }

    private volatile Witness state = Witness.NONE;
    private volatile Instant behindSince;

    public Witness get() {
        return state;
    }

    public Instant behindSince() {
        return behindSince;
    }

    public void delivered() {
        state = Witness.CURRENT;
        behindSince = null;
    }

    /** @return true when it was not behind before (the change is worth a log line) */
    public boolean behind(Instant now) {
        boolean changed = state != Witness.BEHIND;
        if (changed) {
            behindSince = now;
        }
        state = Witness.BEHIND;
        return changed;
    }
}
