package com.pulsevault.audit;

/**
 * One event, before it is chained. Only identifiers and pseudonyms go in here: no filename, title or
 * user id (actor is a reference such as {@code user:<hmac>}), no token, and an anonymised client address.
 */
public record AuditEntry(String action, String videoId, String uploadId, String actor, String client,
                         String outcome, String detail) {

    public static AuditEntry success(String action, String videoId, String uploadId, String actor, String client) {
        return new AuditEntry(action, videoId, uploadId, actor, client, "success", null);
    }

    public static AuditEntry failure(String action, String videoId, String uploadId, String actor, String client, String reason) {
        return new AuditEntry(action, videoId, uploadId, actor, client, "failure", reason);
    }
}
