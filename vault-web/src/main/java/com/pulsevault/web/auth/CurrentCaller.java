package com.pulsevault.web.auth;

import com.pulsevault.identity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The request's {@link Caller}, set once by {@link AuthenticationFilter} from the verified token. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** @throws IllegalStateException on an open path (no token needed), where no resource asks for a caller */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller: the request reached a resource that needs one without a token");
        }
        return caller;
    }
}
