package com.pulsevault.events;

import com.pulsevault.VaultException;

/** The shared event log (Redis) does not answer: no stream or ticket now; uploads and playback go on. */
public class EventsUnavailableException extends VaultException {
    public EventsUnavailableException() {
        super("The event log is not reachable just now; try again shortly (uploads and playback are not affected)");
    }
}
