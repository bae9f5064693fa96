package com.pulsevault.web.auth;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Why the server refused a bearer token, for the {@code pulsevault_auth_failures_total{reason}} counter
 * only: the server's MicroProfile JWT has already refused it without saying why. The payload is read
 * without verifying it (it was refused, so nothing here is trusted), to tell an operator whether tokens
 * expire, come from the wrong issuer or for the wrong audience, or are forged. Never logged.
 */
public final class TokenRefusal {

    public static final String MISSING = "missing";
    public static final String MALFORMED = "malformed";
    public static final String EXPIRED = "expired";
    public static final String WRONG_ISSUER = "wrong-issuer";
    public static final String WRONG_AUDIENCE = "wrong-audience";
    /** Well-formed, current, for this issuer and audience, and still refused: the signature. */
    public static final String REJECTED = "rejected";

    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private TokenRefusal() {
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @param issuer        the issuer the vault expects, if known
     * @param audiences     the audiences the vault accepts (empty: not checked)
     */
    public static String classify(String authorization, Optional<String> issuer, Set<String> audiences, Instant now) {
        if (authorization == null) {
            return MISSING;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() > MAX_TOKEN_LENGTH) {
            return MALFORMED;
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            return MALFORMED;
        }
        JsonObject payload;
        try {
            payload = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (RuntimeException e) {
            return MALFORMED;
        }
        JsonValue exp = payload.get("exp");
        if (exp != null && exp.getValueType() == JsonValue.ValueType.NUMBER
                && payload.getJsonNumber("exp").longValue() <= now.getEpochSecond()) {
            return EXPIRED;
        }
        if (issuer.isPresent() && !(payload.get("iss") instanceof JsonString iss && iss.getString().equals(issuer.get()))) {
            return WRONG_ISSUER;
        }
        if (!audiences.isEmpty() && !hasAudience(payload.get("aud"), audiences)) {
            return WRONG_AUDIENCE;
        }
        return REJECTED;
    }

    private static boolean hasAudience(JsonValue aud, Set<String> accepted) {
        if (aud instanceof JsonString s) {
            return accepted.contains(s.getString());
        }
        if (aud instanceof JsonArray array) {
            return array.stream().anyMatch(v -> v instanceof JsonString s && accepted.contains(s.getString()));
        }
        return false;
    }
}
