package com.pulsevault.web.auth;

import com.pulsevault.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;

/** The request's {@link Caller}, set once by {@link AuthenticationFilter} from the verified token. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /**
     * @throws NotAuthorizedException (a 401) should a request without a token ever reach a resource that
     *         needs a caller: the open paths lead only to resources that do not ask
     */
    public Caller get() {
        if (caller == null) {
            throw new NotAuthorizedException(Challenge.response(false));
        }
        return caller;
    }
}
