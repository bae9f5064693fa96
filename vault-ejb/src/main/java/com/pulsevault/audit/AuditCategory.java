package com.pulsevault.audit;

import java.util.Locale;

/** One hash chain per category, in {@code audit/<category>-YYYY-MM-DD.log}. */
public enum AuditCategory {
    UPLOAD, ACCESS, TRANSCODE, ADMIN;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static AuditCategory of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
