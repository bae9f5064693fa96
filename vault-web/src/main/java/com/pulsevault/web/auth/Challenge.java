package com.pulsevault.web.auth;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The answer to a request without a valid access token (RFC 6750): 401, a {@code WWW-Authenticate}
 * challenge, and an {@code unauthenticated} problem document, the same on every server.
 */
public final class Challenge {

    public static final String HEADER = "WWW-Authenticate";

    private Challenge() {
    }

    /** @param tokenSent a token came with the request but was refused (expired, forged, another issuer, ...) */
    public static String header(boolean tokenSent) {
        return tokenSent ? "Bearer realm=\"pulsevault\", error=\"invalid_token\"" : "Bearer realm=\"pulsevault\"";
    }

    public static JsonObject body(boolean tokenSent) {
        return Problems.body(ProblemType.UNAUTHENTICATED, tokenSent
                ? "The access token was refused: it is expired, malformed, or not issued for this vault"
                : "Send an access token of the hospital's identity provider: Authorization: Bearer <token>", Map.of());
    }

    public static Response response(boolean tokenSent) {
        return Response.status(ProblemType.UNAUTHENTICATED.status())
                .type(Problems.MEDIA_TYPE)
                .header(HEADER, header(tokenSent))
                .entity(body(tokenSent).toString())
                .build();
    }
}
