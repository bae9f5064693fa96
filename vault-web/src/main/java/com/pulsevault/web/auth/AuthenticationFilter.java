package com.pulsevault.web.auth;

import com.pulsevault.events.EventTickets;
import com.pulsevault.identity.Callers;
import com.pulsevault.media.MediaAccess;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.web.http.RequestClient;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.regex.Pattern;

/**
 * Every request under {@code /api/v1} needs a bearer token, except CORS preflights and tus discovery
 * ({@code OPTIONS}) and the signed media reads ({@code GET|HEAD /media/t/<token>/...}), whose HMAC token
 * in the path is the capability, and the console's public configuration ({@code GET /console/config});
 * {@code GET /events?ticket=} carries a single-use events ticket instead. The server has already verified the token (a refused one never gets
 * here: see {@link AuthErrorServlet}); this makes the request's {@link com.pulsevault.identity.Caller}
 * from it, or answers 401.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    CurrentCaller current;
    @Inject
    Callers callers;
    @Inject
    RequestClient client;
    @Inject
    VaultMetrics metrics;
    @Inject
    MediaAccess media;
    @Inject
    EventTickets tickets;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        boolean tokenSent = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (principal instanceof JsonWebToken jwt) {
            try {
                current.set(callers.fromToken(jwt::getClaim, client.anonymisedAddress()));
                // a servlet request attribute too (JAX-RS keeps them in step): a later 500 is then no token refusal
                request.setProperty(AuthErrorServlet.TOKEN_ACCEPTED, Boolean.TRUE);
                return;
            } catch (IllegalArgumentException noSubject) {
                refuse(request, TokenRefusal.MALFORMED, true);
                return;
            }
        }
        if (isOpen(request)) {
            return;
        }
        if (!tokenSent && isEventsWithTicket(request)) {
            // an EventSource cannot send a token: its single-use ticket stands for the caller it was issued to
            var ticketed = tickets.redeem(request.getUriInfo().getQueryParameters().getFirst("ticket"));
            if (ticketed.isPresent()) {
                current.set(ticketed.get());
                return;
            }
            refuse(request, TokenRefusal.MALFORMED, false);
            return;
        }
        if (!tokenSent && isMalformedMediaRead(request.getMethod(), request.getUriInfo().getPath(false))) {
            // a player's URL with a path no signature can cover: not there, as any unservable media path
            media.refuseUnservable(client.anonymisedAddress());
            request.abortWith(Problems.response(ProblemType.MEDIA_NOT_FOUND, "No such media file"));
            return;
        }
        refuse(request, tokenSent ? TokenRefusal.MALFORMED : TokenRefusal.MISSING, tokenSent);
    }

    private void refuse(ContainerRequestContext request, String reason, boolean tokenSent) {
        metrics.authFailed(reason);
        request.abortWith(Challenge.response(tokenSent));
    }

    private static boolean isEventsWithTicket(ContainerRequestContext request) {
        return "GET".equals(request.getMethod()) && "events".equals(strip(request.getUriInfo().getPath(false)))
                && request.getUriInfo().getQueryParameters().containsKey("ticket");
    }

    static boolean isOpen(ContainerRequestContext request) {
        return isOpen(request.getMethod(), request.getUriInfo().getPath(false), request.getUriInfo().getPath(true));
    }

    /**
     * @param raw     the path under the application as sent
     * @param decoded the same, percent-decoded: both must be a signed media path, so that no encoding
     *                ({@code media/t/%2e%2e/...}) turns an open path into another resource
     */
    static boolean isOpen(String method, String raw, String decoded) {
        if ("OPTIONS".equals(method)) {
            return true; // CORS preflights and tus discovery carry no credentials
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && CONSOLE_CONFIG.equals(strip(raw))) {
            return true; // the console reads where to sign in before it has a token
        }
        return ("GET".equals(method) || "HEAD".equals(method))
                && SIGNED_MEDIA.matcher(strip(raw)).matches() && SIGNED_MEDIA.matcher(strip(decoded)).matches();
    }

    /** A read under the signed media prefix whose path is not a signed media path (dot segments, encodings). */
    static boolean isMalformedMediaRead(String method, String raw) {
        return ("GET".equals(method) || "HEAD".equals(method)) && strip(raw).startsWith("media/t/");
    }

    private static final String CONSOLE_CONFIG = "console/config";

    /** {@code media/t/<token>/videos/<videoId>/<file or dir/file>}; a segment never starts with a dot, so none is "..". */
    private static final Pattern SIGNED_MEDIA = Pattern.compile(
            "media/t/[A-Za-z0-9_.-]+/videos/[0-9a-f-]{36}/[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)?");

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
