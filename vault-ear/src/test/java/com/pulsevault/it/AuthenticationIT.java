package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.pulsevault.it.Http.assertProblem;
import static com.pulsevault.it.Http.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens from the run's real Keycloak, verified by the server's MicroProfile JWT: what needs
 * one, what does not, and every way a token is refused, answered alike on WildFly and Payara.
 */
class AuthenticationIT extends VaultIT {

    static final String VIDEO = "6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f";
    static final String UPLOAD = "3d0f5a8e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
    static final byte[] JSON = "{}".getBytes(StandardCharsets.UTF_8);

    /** One request of every endpoint group: method, path, body. */
    static final List<Object[]> ENDPOINTS = List.of(
            new Object[]{"POST", "uploads", null},
            new Object[]{"HEAD", "uploads/" + UPLOAD, null},
            new Object[]{"PATCH", "uploads/" + UPLOAD, new byte[1]},
            new Object[]{"DELETE", "uploads/" + UPLOAD, null},
            new Object[]{"POST", "uploads/finalize", JSON},
            new Object[]{"POST", "media/sign", JSON},
            new Object[]{"GET", "audit/verify", null},
            new Object[]{"GET", "admin/transcodes", null},
            new Object[]{"POST", "admin/transcodes/videos/" + VIDEO, null},
            new Object[]{"POST", "admin/transcodes/dead/" + VIDEO + "/retry", null},
            new Object[]{"GET", "no-such-resource", null});

    static HttpResponse<String> call(Object[] endpoint, String... headers) {
        String[] all = Http.with(headers, "Tus-Resumable", "1.0.0", "Content-Type", "application/json");
        return Http.anonymous((String) endpoint[0], (String) endpoint[1], (byte[]) endpoint[2], all);
    }

    @Test
    void everyEndpointGroupWithoutATokenAnswers401WithAChallenge() {
        for (Object[] endpoint : ENDPOINTS) {
            HttpResponse<String> r = call(endpoint);
            String what = endpoint[0] + " " + endpoint[1];
            assertProblem(r, 401, "unauthenticated");
            assertEquals("Bearer realm=\"pulsevault\"", header(r, "WWW-Authenticate"), what);
        }
    }

    @Test
    void aTamperedTokenIsRefusedWith401InvalidToken() {
        String token = Tokens.of(Tokens.OPERATOR);
        String[] parts = token.split("\\.");
        JsonObject claims = Tokens.claims(token);
        String forgedClaims = claims.toString().replace("\"" + claims.getString("preferred_username") + "\"", "\"somebody-else\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forgedClaims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefusedEverywhere(tampered, "rejected");
    }

    @Test
    void anExpiredTokenIsRefusedWith401InvalidToken() throws Exception {
        String token = Tokens.shortLived("alice");
        Instant expiry = Instant.ofEpochSecond(Tokens.claims(token).getJsonNumber("exp").longValue());
        // the test servers allow one second of clock skew (mp.jwt.verify.clock.skew=1)
        FinalizeIT.await(() -> Instant.now().isAfter(expiry.plusSeconds(2)), "the two-second token to expire");
        assertRefusedEverywhere(token, "expired");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedWith401InvalidToken() {
        assertRefusedEverywhere(Tokens.otherIssuer(), "wrong-issuer");
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWith401InvalidToken() {
        assertRefusedEverywhere(Tokens.otherAudience("alice"), "wrong-audience");
    }

    @Test
    void somethingThatIsNotABearerTokenIsRefusedWith401InvalidToken() {
        for (String authorization : new String[]{"Basic YWxpY2U6YWxpY2UtcHc=", "Bearer", "Bearer not.a.jwt"}) {
            HttpResponse<String> r = Http.anonymous("GET", "admin/transcodes", null, "Authorization", authorization);
            assertProblem(r, 401, "unauthenticated");
            assertTrue(header(r, "WWW-Authenticate").startsWith("Bearer realm=\"pulsevault\""), authorization);
        }
    }

    @Test
    void tusDiscoveryAndCorsPreflightsNeedNoToken() {
        assertEquals(204, Http.anonymous("OPTIONS", "uploads", null).statusCode());
        HttpResponse<String> preflight = Http.anonymous("OPTIONS", "media/sign", null, "Origin", "https://capture.example.org",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "Authorization, Content-Type");
        assertEquals(204, preflight.statusCode(), preflight::body);
        assertTrue(header(preflight, "Access-Control-Allow-Headers").contains("Authorization"));
    }

    @Test
    void aValidTokenOpensTheApi() {
        HttpResponse<String> r = Http.as(Tokens.OPERATOR, "GET", "admin/transcodes", null);
        assertEquals(200, r.statusCode(), r::body);
    }

    @Test
    void refusedTokensAreCountedByReasonAndNotWrittenToTheAuditTrail() throws Exception {
        PrometheusText before = PrometheusText.scrape();
        long auditLines = auditLines();
        for (int i = 0; i < 5; i++) {
            Http.anonymous("GET", "admin/transcodes", null);
            Http.anonymous("GET", "admin/transcodes", null, "Authorization", "Bearer " + Tokens.otherIssuer());
        }
        PrometheusText after = PrometheusText.scrape();
        assertEquals(5, after.sum("pulsevault_auth_failures_total", "reason", "missing")
                - before.sum("pulsevault_auth_failures_total", "reason", "missing"), 0.0);
        assertEquals(5, after.sum("pulsevault_auth_failures_total", "reason", "wrong-issuer")
                - before.sum("pulsevault_auth_failures_total", "reason", "wrong-issuer"), 0.0);
        assertEquals(auditLines, auditLines(), "a flood of 401s does not grow the audit trail");
    }

    @Test
    void tokensAreCheckedWithCachedKeysNotByAskingTheIdentityProviderPerRequest() throws Exception {
        Path accessLog = Path.of(System.getProperty("vault.keycloak.access.log"));
        Http.as(Tokens.OPERATOR, "GET", "admin/transcodes", null); // the keys are fetched once, at the latest now
        long before = keyFetches(accessLog);
        for (int i = 0; i < 30; i++) {
            assertEquals(200, Http.as(Tokens.OPERATOR, "GET", "admin/transcodes", null).statusCode());
            assertProblem(Http.as("alice", "HEAD", "uploads/" + UPLOAD, null, "Tus-Resumable", "1.0.0"), 404, "upload-not-found");
        }
        assertEquals(before, keyFetches(accessLog), "30 verified requests, no JWKS fetch");
    }

    private static long keyFetches(Path accessLog) throws Exception {
        String certs = "/realms/" + Tokens.REALM + "/protocol/openid-connect/certs";
        return Files.readAllLines(accessLog).stream().filter(l -> l.contains("GET " + certs)).count();
    }

    /** Lines of the chains requests write to (the transcode chain grows with the worker's own work). */
    private static long auditLines() throws Exception {
        long n = 0;
        try (var files = Files.list(MEDIA_ROOT.resolve("audit"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") && !p.getFileName().toString().startsWith("transcode")).toList()) {
                n += Files.readAllLines(f).size();
            }
        }
        return n;
    }

    /** Refused on every endpoint group, as a token that was sent and is not valid, and counted under its reason. */
    private static void assertRefusedEverywhere(String token, String reason) {
        PrometheusText before = PrometheusText.scrape();
        for (Object[] endpoint : ENDPOINTS) {
            HttpResponse<String> r = call(endpoint, "Authorization", "Bearer " + token);
            String what = endpoint[0] + " " + endpoint[1];
            assertEquals(401, r.statusCode(), what + ": " + r.body());
            assertProblem(r, 401, "unauthenticated");
            assertEquals("Bearer realm=\"pulsevault\", error=\"invalid_token\"", header(r, "WWW-Authenticate"), what);
        }
        PrometheusText after = PrometheusText.scrape();
        assertEquals(ENDPOINTS.size(), after.sum("pulsevault_auth_failures_total", "reason", reason)
                - before.sum("pulsevault_auth_failures_total", "reason", reason), 0.0, "counted as " + reason);
    }
}
