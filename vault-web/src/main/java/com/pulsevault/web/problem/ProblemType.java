package com.pulsevault.web.problem;

/**
 * The stable problem types (RFC 9457) this API answers with. The {@code type} URI of each never
 * changes, so clients may switch on it; titles may be reworded.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is malformed"),
    INVALID_HEADER(400, "invalid-header", "A request header has an invalid value"),
    INVALID_JSON(400, "invalid-json", "The request body is not the expected JSON"),
    INVALID_UPLOAD_REQUEST(400, "invalid-upload-request", "The upload request breaks the protocol or a limit"),
    INVALID_MEDIA_PATH(400, "invalid-media-path", "The path is not something the vault serves"),
    BODY_INCOMPLETE(400, "body-incomplete", "The request body ended before all of it arrived"),
    INVALID_DATE_RANGE(400, "invalid-date-range", "A date or date range is not valid"),
    UPLOAD_EMPTY(400, "upload-empty", "The upload has no content"),
    INVALID_PATCH(400, "invalid-patch", "The patch would break the video's record"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid access token is required"),
    FORBIDDEN(403, "forbidden", "The caller's roles do not allow this"),
    NOT_FOUND(404, "not-found", "No such resource"),
    MEDIA_FORBIDDEN(403, "media-forbidden", "The media token does not grant this file"),
    UPLOAD_NOT_FOUND(404, "upload-not-found", "No such upload"),
    MEDIA_NOT_FOUND(404, "media-not-found", "No such media file"),
    VIDEO_NOT_FOUND(404, "video-not-found", "No such video"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    OFFSET_MISMATCH(409, "offset-mismatch", "Upload-Offset does not match the upload's offset"),
    UPLOAD_INCOMPLETE(409, "upload-incomplete", "The upload has not received all of its bytes"),
    METADATA_CONFLICT(409, "metadata-conflict", "The metadata changed meanwhile"),
    LEGAL_HOLD(409, "legal-hold", "A legal hold keeps the video"),
    RETENTION(409, "retention", "The video is within its retention period"),
    UPLOAD_EXPIRED(410, "upload-expired", "The upload has expired"),
    VIDEO_DELETED(410, "video-deleted", "The video was deleted"),
    TUS_VERSION_UNSUPPORTED(412, "tus-version-unsupported", "Unsupported Tus-Resumable version"),
    PRECONDITION_FAILED(412, "precondition-failed", "Someone else changed it first"),
    UPLOAD_TOO_LARGE(413, "upload-too-large", "The upload is larger than allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported Content-Type"),
    UPLOAD_LOCKED(423, "upload-locked", "Another request is writing to this upload"),
    PRECONDITION_REQUIRED(428, "precondition-required", "The change must name the version it is based on"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "The requested range lies outside the file"),
    CHECKSUM_MISMATCH(460, "checksum-mismatch", "The chunk does not match its Upload-Checksum"),
    CATALOG_UNAVAILABLE(503, "catalog-unavailable", "The catalog index is not reachable"),
    EVENTS_UNAVAILABLE(503, "events-unavailable", "The event log is not reachable"),
    METADATA_CORRUPT(500, "metadata-corrupt", "The video's stored metadata failed its checksum"),
    INTERNAL_ERROR(500, "internal-error", "The vault failed to handle the request");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return "urn:pulsevault:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
