package com.pulsevault.audit;

/**
 * One event, before it is chained. Only identifiers and pseudonyms go in here: no filename, title or
 * subject (actor is a reference such as {@code user:<hmac>}), no token, and an anonymised client address.
 *
 * @param app        the client application of the caller's token (its client id), or null
 * @param onBehalfOf the pseudonym of the clinician a clinical app acted for, or null
 */
public record AuditEntry(String action, String videoId, String uploadId, String actor, String client,
                         String outcome, String detail, String app, String onBehalfOf) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public AuditEntry(String action, String videoId, String uploadId, String actor, String client,
                      String outcome, String detail) {
        this(action, videoId, uploadId, actor, client, outcome, detail, null, null);
    }

    public static AuditEntry success(String action, String videoId, String uploadId, String actor, String client) {
        return new AuditEntry(action, videoId, uploadId, actor, client, SUCCESS, null);
    }

    public static AuditEntry failure(String action, String videoId, String uploadId, String actor, String client, String reason) {
        return new AuditEntry(action, videoId, uploadId, actor, client, FAILURE, reason);
    }

    public AuditEntry succeeded() {
        return succeeded(null);
    }

    public AuditEntry succeeded(String withDetail) {
        return new AuditEntry(action, videoId, uploadId, actor, client, SUCCESS, withDetail, app, onBehalfOf);
    }

    public AuditEntry failed(String reason) {
        return new AuditEntry(action, videoId, uploadId, actor, client, FAILURE, reason, app, onBehalfOf);
    }

    public AuditEntry onBehalfOf(String clinicianActor) {
        return new AuditEntry(action, videoId, uploadId, actor, client, outcome, detail, app, clinicianActor);
    }
}
