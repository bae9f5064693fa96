package com.pulsevault.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, from the realm roles in its access token. Any other value the token carries
 * (Keycloak's {@code offline_access}, {@code default-roles-<realm>}, ...) means nothing here.
 */
public enum Role {
    /** creates uploads and finalizes its own; sees and signs its own videos and its teams' */
    UPLOADER("uploader"),
    /** sees and signs its teams' videos */
    VIEWER("viewer"),
    /** a trusted integration: uploads, finalizes on behalf of a clinician, sees and signs every video */
    CLINICAL_APP("clinical-app"),
    /** audit verification and reports; no media */
    AUDITOR("auditor"),
    /** transcode administration and other operations; no media unless also a viewer */
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The name in the token's roles claim, and in problem documents. */
    public String claimValue() {
        return claimValue;
    }

    public static Optional<Role> of(String claimValue) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(claimValue)).findFirst();
    }
}
