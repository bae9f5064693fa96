package com.pulsevault.media;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTokenTest {

    static final byte[] KEY = "current-secret".getBytes(StandardCharsets.UTF_8);
    static final byte[] OLD = "previous-secret".getBytes(StandardCharsets.UTF_8);
    static final String VIDEO = "6f1c1f3e-2b7a-4c1e-9d3a-0a1b2c3d4e5f";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String SIGNER = "user:0123456789abcdef";

    static String token(byte[] key, String scope, Instant issued, Instant expires) {
        return new MediaToken(VIDEO, scope, issued, expires, SIGNER).sign(key);
    }

    @Test
    void aFreshTokenVerifiesAndIsUrlSafe() {
        String t = token(KEY, "stream/", NOW, NOW.plusSeconds(300));
        assertTrue(t.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), t);
        assertEquals(VIDEO, MediaToken.verify(t, List.of(KEY), NOW).videoId());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String t = token(KEY, "stream/", NOW, NOW.plusSeconds(300));
        assertEquals("expired", assertThrows(InvalidTokenException.class, () -> MediaToken.verify(t, List.of(KEY), NOW.plusSeconds(300))).reason());
    }

    @Test
    void aFutureDatedTokenIsRefused() {
        String t = token(KEY, "stream/", NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        assertEquals("future-dated", assertThrows(InvalidTokenException.class, () -> MediaToken.verify(t, List.of(KEY), NOW)).reason());
    }

    @Test
    void anAlteredOrTruncatedTokenIsRefused() {
        String t = token(KEY, "poster.jpg", NOW, NOW.plusSeconds(300));
        String widened = token(OLD, "stream/", NOW, NOW.plusSeconds(300)).split("\\.")[0] + "." + t.split("\\.")[1];
        assertEquals("forged", assertThrows(InvalidTokenException.class, () -> MediaToken.verify(widened, List.of(KEY), NOW)).reason());
        assertThrows(InvalidTokenException.class, () -> MediaToken.verify(t.substring(0, t.length() - 3), List.of(KEY), NOW));
        assertThrows(InvalidTokenException.class, () -> MediaToken.verify("not-a-token", List.of(KEY), NOW));
    }

    @Test
    void aTokenFromThePreviousKeyStaysValidOnlyWhileThatKeyIsHonoured() {
        String t = token(OLD, "stream/", NOW, NOW.plusSeconds(300));
        assertEquals(VIDEO, MediaToken.verify(t, List.of(KEY, OLD), NOW).videoId());
        assertThrows(InvalidTokenException.class, () -> MediaToken.verify(t, List.of(KEY), NOW));
    }

    @Test
    void aManifestScopeCoversItsLadderButNotTheOriginal() {
        MediaToken ladder = new MediaToken(VIDEO, "stream/", NOW, NOW.plusSeconds(1), SIGNER);
        assertTrue(ladder.covers(VIDEO, "stream/chunk-0-00001.m4s"));
        assertFalse(ladder.covers(VIDEO, "original.mp4"));
        assertFalse(ladder.covers("0b0f6f2e-7d5b-4a55-8c1b-3f1e2d3c4b5a", "stream/master.m3u8"));
        MediaToken poster = new MediaToken(VIDEO, "poster.jpg", NOW, NOW.plusSeconds(1), SIGNER);
        assertFalse(poster.covers(VIDEO, "poster.jpg.bak"));
    }

    @Test
    void theTokenNamesWhoSignedIt() {
        assertEquals(SIGNER, MediaToken.verify(token(KEY, "stream/", NOW, NOW.plusSeconds(60)), List.of(KEY), NOW).signer());
    }

    @Test
    void aTokenSignedBeforeSignersWereRecordedStillOpensUntilItExpires() throws Exception {
        byte[] payload = ("v1|" + VIDEO + "|stream/|" + NOW.getEpochSecond() + "|" + NOW.plusSeconds(60).getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        mac.update("media-token:".getBytes(StandardCharsets.UTF_8));
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String v1 = b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
        assertEquals(MediaToken.UNKNOWN_SIGNER, MediaToken.verify(v1, List.of(KEY), NOW).signer());
    }

    @Test
    void aSignerThatIsNoPseudonymCannotBeWrittenIntoAToken() {
        assertThrows(IllegalArgumentException.class, () -> new MediaToken(VIDEO, "stream/", NOW, NOW.plusSeconds(1), "a|b"));
    }

    @Test
    void aPlaybackSessionTokenIsToldApartFromASignedUrl() {
        String session = MediaToken.session(VIDEO, NOW, NOW.plusSeconds(600), SIGNER).sign(KEY);
        MediaToken read = MediaToken.verify(session, List.of(KEY), NOW);
        assertTrue(read.isSession());
        assertEquals(NOW.plusSeconds(600), read.expiresAt());
        assertTrue(read.covers(VIDEO, "stream/chunk-0-00001.m4s"));
        assertFalse(MediaToken.verify(token(KEY, "stream/", NOW, NOW.plusSeconds(60)), List.of(KEY), NOW).isSession());
    }
}
