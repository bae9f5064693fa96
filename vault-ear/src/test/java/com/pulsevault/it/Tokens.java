package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the run's real Keycloak (src/test/keycloak: realm pulsevault-test), the way
 * clients get them: the password grant for the test users (password = name + "-pw"), client
 * credentials for the clinical app. Tokens are reused until a minute before they expire.
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getProperty("vault.keycloak.url");
    public static final String REALM = System.getProperty("vault.keycloak.realm");
    public static final String ISSUER = KEYCLOAK + "/realms/" + REALM;
    /** Has every role but clinical-app, in team it-ops: the identity of the tests that are about something else. */
    public static final String OPERATOR = "it-operator";
    public static final String CLINICAL_APP = "clinical-app";
    public static final String CLINICAL_APP_SECRET = "clinical-app-secret";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** A current token of a test user (or of the clinical app's service account for {@link #CLINICAL_APP}). */
    public static String of(String user) {
        Cached c = CACHE.get(user);
        if (c == null || Instant.now().isAfter(c.expires.minusSeconds(60))) {
            String token = user.equals(CLINICAL_APP) ? clinicalApp() : fresh(user);
            c = new Cached(token, Instant.ofEpochSecond(claims(token).getJsonNumber("exp").longValue()));
            CACHE.put(user, c);
        }
        return c.token;
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }

    /** A new token of the user, never one handed out before. */
    public static String fresh(String user) {
        return password(REALM, "pulsevault-tests", user, user + "-pw");
    }

    /** A token that lives two seconds (client short-lived). */
    public static String shortLived(String user) {
        return password(REALM, "short-lived", user, user + "-pw");
    }

    /** A token for another audience (client other-app: aud is other-app, not pulsevault). */
    public static String otherAudience(String user) {
        return password(REALM, "other-app", user, user + "-pw");
    }

    /** A token of another issuer: the same Keycloak's realm "other", signed with that realm's keys. */
    public static String otherIssuer() {
        return password("other", "pulsevault-tests", "mallory", "mallory-pw");
    }

    static String clinicalApp() {
        return token(REALM, "grant_type=client_credentials&client_id=" + CLINICAL_APP + "&client_secret=" + CLINICAL_APP_SECRET);
    }

    /** The token's claims, read without verifying (the tests trust their own Keycloak). */
    public static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    public static String subjectOf(String user) {
        return claims(of(user)).getString("sub");
    }

    private static String password(String realm, String client, String user, String password) {
        return token(realm, "grant_type=password&client_id=" + client + "&username=" + enc(user) + "&password=" + enc(password));
    }

    private static String token(String realm, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + r.statusCode() + "): " + r.body());
            }
            return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
