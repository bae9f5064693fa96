package com.pulsevault.web.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenRefusalTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Optional<String> ISSUER = Optional.of("http://idp/realms/h");
    static final Set<String> AUDIENCE = Set.of("pulsevault");

    static String bearer(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static String classify(String authorization) {
        return TokenRefusal.classify(authorization, ISSUER, AUDIENCE, NOW);
    }

    @Test
    void noHeaderIsMissing() {
        assertEquals(TokenRefusal.MISSING, classify(null));
    }

    @Test
    void otherSchemesAndGarbageAreMalformed() {
        assertEquals(TokenRefusal.MALFORMED, classify("Basic YWxpY2U6cHc="));
        assertEquals(TokenRefusal.MALFORMED, classify("Bearer not-a-jwt"));
        assertEquals(TokenRefusal.MALFORMED, classify("Bearer a.!!!.c"));
        assertEquals(TokenRefusal.MALFORMED, classify("Bearer " + "a".repeat(20_000)));
    }

    @Test
    void aPastExpiryIsExpired() {
        long past = NOW.getEpochSecond() - 5;
        assertEquals(TokenRefusal.EXPIRED, classify(bearer("{\"exp\":" + past + ",\"iss\":\"http://idp/realms/h\",\"aud\":\"pulsevault\"}")));
    }

    @Test
    void anotherIssuerIsWrongIssuer() {
        long future = NOW.getEpochSecond() + 300;
        assertEquals(TokenRefusal.WRONG_ISSUER, classify(bearer("{\"exp\":" + future + ",\"iss\":\"http://idp/realms/other\",\"aud\":\"pulsevault\"}")));
    }

    @Test
    void anotherAudienceIsWrongAudienceInAStringOrAnArray() {
        long future = NOW.getEpochSecond() + 300;
        assertEquals(TokenRefusal.WRONG_AUDIENCE, classify(bearer("{\"exp\":" + future + ",\"iss\":\"http://idp/realms/h\",\"aud\":\"account\"}")));
        assertEquals(TokenRefusal.WRONG_AUDIENCE, classify(bearer("{\"exp\":" + future + ",\"iss\":\"http://idp/realms/h\",\"aud\":[\"account\"]}")));
    }

    @Test
    void aCurrentTokenForThisVaultThatWasStillRefusedIsRejected() {
        long future = NOW.getEpochSecond() + 300;
        assertEquals(TokenRefusal.REJECTED, classify(bearer("{\"exp\":" + future + ",\"iss\":\"http://idp/realms/h\",\"aud\":[\"x\",\"pulsevault\"]}")));
    }
}
