package com.pulsevault.web.auth;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.web.http.CorsFilter;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The error page (web.xml) for the 401, 403 and 500 the server itself answers: MicroProfile JWT refuses an
 * expired, forged, wrong-issuer or wrong-audience token before any vault code runs, with a container
 * page that differs between servers (WildFly even answers 500 for a token signed with a key the
 * issuer's JWKS does not have, such as another realm's). This writes the same challenge and problem
 * document as the vault's own 401, and counts the refusal (counted, not audited: a flood must not grow
 * the audit trail). Any other error that reaches here is answered as a problem too, never an HTML page.
 */
@WebServlet("/auth-error")
public class AuthErrorServlet extends HttpServlet {

    /** Set by {@link AuthenticationFilter} once the request's token was verified and made a caller. */
    static final String TOKEN_ACCEPTED = "com.pulsevault.auth.token-accepted";

    @Inject
    VaultConfig config;
    @Inject
    VaultMetrics metrics;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String authorization = request.getHeader("Authorization");
        byte[] body;
        response.resetBuffer();
        boolean refusedToken = Integer.valueOf(HttpServletResponse.SC_UNAUTHORIZED).equals(status)
                || (Integer.valueOf(HttpServletResponse.SC_INTERNAL_SERVER_ERROR).equals(status)
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null && isBearer(authorization)
                && request.getAttribute(TOKEN_ACCEPTED) == null);
        if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            body = Problems.body(ProblemType.FORBIDDEN, "The server refused this request", Map.of()).toString()
                    .getBytes(StandardCharsets.UTF_8);
        } else if (!refusedToken) {
            // a fault that escaped the vault's own handling: the server log has it
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            body = Problems.body(ProblemType.INTERNAL_ERROR, "The server failed to handle the request", Map.of()).toString()
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            var s = config.settings();
            Set<String> audiences = s.jwtAudiences().map(a -> Arrays.stream(a.split(",")).map(String::trim)
                    .filter(x -> !x.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
            metrics.authFailed(TokenRefusal.classify(authorization, s.jwtIssuer(), audiences, Instant.now()));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(Challenge.HEADER, Challenge.header(authorization != null));
            body = Challenge.body(authorization != null).toString().getBytes(StandardCharsets.UTF_8);
        }
        String origin = request.getHeader("Origin");
        if (origin != null && CorsFilter.allowed(config.settings().corsAllowedOrigins(), origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", Challenge.HEADER);
            response.addHeader("Vary", "Origin");
        }
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
