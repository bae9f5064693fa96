package com.pulsevault.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A stable pseudonym for a user id, {@code user:<16 hex>}: the same user always gets the same
 * reference, so an auditor can follow one person's actions, but the id itself never reaches a log.
 * The full id stays in meta.json, where the vault's operators can map a reference back.
 */
public final class ActorReference {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    private final byte[] key;

    public ActorReference(byte[] hmacKey) {
        this.key = hmacKey.clone();
    }

    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return ANONYMOUS;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("actor:".getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            return "user:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
