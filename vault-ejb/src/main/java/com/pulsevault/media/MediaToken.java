package com.pulsevault.media;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A grant to read part of one video until a moment: {@code base64url(payload).base64url(HMAC-SHA256)}
 * with payload {@code v2|videoId|scope|issuedAt|expiresAt|signer}, the signer being the audit pseudonym
 * of whoever signed it (so every read is audited under that person or app). A playback session token,
 * made when a manifest is served, has {@code s2} in place of {@code v2}: a manifest opened with it renews
 * nothing (the session ends when it ends). {@code v1} tokens, without a signer, are still honoured until
 * they expire (at most {@code pulsevault.token.expiry-seconds} after an upgrade). The scope is one file ({@code poster.jpg})
 * or a directory prefix ending in "/" ({@code stream/}, which covers a whole ladder). URL-safe, so it
 * travels as a path segment, and every relative URI in a playlist inherits it.
 */
public final class MediaToken {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    /** Clocks of nodes may differ a little; a token issued further in the future than this is forged. */
    private static final long SKEW_SECONDS = 60;

    private final String videoId;
    private final String scope;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String signer;
    private final boolean session;

    /** The signer of a token from before signers were recorded. */
    public static final String UNKNOWN_SIGNER = "unknown-signer";
    private static final java.util.regex.Pattern SIGNER = java.util.regex.Pattern.compile("[A-Za-z0-9:._-]{1,64}");

    /** A signed URL's grant. @param signer the signer's audit pseudonym */
    public MediaToken(String videoId, String scope, Instant issuedAt, Instant expiresAt, String signer) {
        this(videoId, scope, issuedAt, expiresAt, signer, false);
    }

    /** A playback session's grant of the whole ladder, from {@code start} until {@code expiresAt}. */
    public static MediaToken session(String videoId, Instant start, Instant expiresAt, String signer) {
        return new MediaToken(videoId, MediaPath.STREAM_PREFIX, start, expiresAt, signer, true);
    }

    private MediaToken(String videoId, String scope, Instant issuedAt, Instant expiresAt, String signer, boolean session) {
        if (!SIGNER.matcher(signer).matches()) {
            throw new IllegalArgumentException("a signer is an audit pseudonym");
        }
        this.videoId = videoId;
        this.scope = scope;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.signer = signer;
        this.session = session;
    }

    public String videoId() {
        return videoId;
    }

    public String scope() {
        return scope;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True for a playback session's token, false for a signed URL's. */
    public boolean isSession() {
        return session;
    }

    /** The audit pseudonym of whoever signed it (a playback session keeps the signer of its manifest). */
    public String signer() {
        return signer;
    }

    /** True when this token grants {@code path} of {@code video}. */
    public boolean covers(String video, String path) {
        return videoId.equals(video) && (scope.endsWith("/") ? path.startsWith(scope) : path.equals(scope));
    }

    public String sign(byte[] key) {
        String payload = String.join("|", session ? "s2" : "v2", videoId, scope, String.valueOf(issuedAt.getEpochSecond()),
                String.valueOf(expiresAt.getEpochSecond()), signer);
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(hmac(key, body));
    }

    /**
     * @param keys the current key first, then a previous one still honoured during a rotation
     * @throws InvalidTokenException naming why (never echoing the token)
     */
    public static MediaToken verify(String token, List<byte[]> keys, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 1024) {
            throw new InvalidTokenException("malformed");
        }
        byte[] body;
        byte[] mac;
        try {
            body = DECODE.decode(token.substring(0, dot));
            mac = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("malformed");
        }
        boolean authentic = false;
        for (byte[] key : keys) {
            authentic |= MessageDigest.isEqual(hmac(key, body), mac); // constant time, and every key is tried
        }
        if (!authentic) {
            throw new InvalidTokenException("forged");
        }
        String[] f = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
        boolean v1 = f.length == 5 && "v1".equals(f[0]);
        boolean session = f.length == 6 && "s2".equals(f[0]);
        boolean v2 = f.length == 6 && ("v2".equals(f[0]) || session) && SIGNER.matcher(f[5]).matches();
        if (!v1 && !v2) {
            throw new InvalidTokenException("malformed");
        }
        MediaToken t = new MediaToken(f[1], f[2], Instant.ofEpochSecond(Long.parseLong(f[3])), Instant.ofEpochSecond(Long.parseLong(f[4])),
                v2 ? f[5] : UNKNOWN_SIGNER, session);
        if (t.issuedAt.isAfter(now.plusSeconds(SKEW_SECONDS))) {
            throw new InvalidTokenException("future-dated");
        }
        if (!now.isBefore(t.expiresAt)) {
            throw new InvalidTokenException("expired");
        }
        return t;
    }

    private static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("media-token:".getBytes(StandardCharsets.UTF_8)); // not interchangeable with other HMAC uses of the key
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
