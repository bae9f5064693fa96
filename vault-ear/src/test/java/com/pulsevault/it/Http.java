package com.pulsevault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain HTTP against the deployed vault, and the assertions every test shares. */
public final class Http {

    public static final String PORT = System.getProperty("vault.http.port");
    public static final String API = "http://127.0.0.1:" + PORT + "/pulsevault/api/v1/";
    /** MicroProfile Health: WildFly serves it on its management port, Payara on the HTTP port. */
    public static final String HEALTH = System.getProperty("vault.health.url") + "/";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Http() {
    }

    /**
     * A request as the tests' operator ({@link Tokens#OPERATOR}) unless the headers carry an Authorization
     * of their own; signed media URLs go without a token, as players send them.
     *
     * @param headers name, value, name, value, ...
     */
    public static HttpResponse<String> send(String method, String url, byte[] body, String... headers) {
        String absolute = url.startsWith("http") ? url : API + url;
        if (needsToken(absolute) && !hasAuthorization(headers)) {
            headers = with(headers, "Authorization", Tokens.bearer(Tokens.OPERATOR));
        }
        return anonymous(method, absolute, body, headers);
    }

    /** As {@code user} (a test user, or {@link Tokens#CLINICAL_APP}). */
    public static HttpResponse<String> as(String user, String method, String url, byte[] body, String... headers) {
        return anonymous(method, url, body, with(headers, "Authorization", Tokens.bearer(user)));
    }

    /** A JSON POST as {@code user}. */
    public static HttpResponse<String> postJson(String user, String url, String json) {
        return as(user, "POST", url, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/json");
    }

    /** Exactly the given headers: no token unless one is among them. */
    public static HttpResponse<String> anonymous(String method, String url, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : API + url))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** API requests need a token; signed media reads, health and metrics do not. */
    static boolean needsToken(String absoluteUrl) {
        return absoluteUrl.contains("/pulsevault/api/v1/") && !absoluteUrl.contains("/media/t/");
    }

    static boolean hasAuthorization(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                return true;
            }
        }
        return false;
    }

    static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * An RFC 9457 problem with the given status and stable type, and no stack trace in it.
     * A HEAD response has no body, so for HEAD only the status and Content-Type are checked.
     */
    public static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], response::body);
        if ("HEAD".equals(response.request().method())) {
            return null;
        }
        JsonObject problem = json(response);
        assertEquals("urn:pulsevault:problem:" + type, problem.getString("type"), response::body);
        assertEquals(status, problem.getInt("status"));
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "stack trace leaked: " + response.body());
        return problem;
    }

    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public static void assertHeader(HttpResponse<?> response, String name, String expected) {
        assertEquals(expected, header(response, name), name);
    }

    public static void assertHasHeader(HttpResponse<?> response, String name) {
        assertTrue(response.headers().firstValue(name).isPresent(), "missing " + name);
    }
}
