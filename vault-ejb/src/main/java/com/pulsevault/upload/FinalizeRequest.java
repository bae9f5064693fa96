package com.pulsevault.upload;

import jakarta.json.JsonObject;

import java.util.Set;

/**
 * What a client asks of finalize. Who asks is not in here: that is the {@link com.pulsevault.identity.Caller}.
 *
 * @param metadata   the client's free-form metadata (kept in meta.json only); may be empty, never null
 * @param teams      the teams to share the video with, or null for the caller's own
 * @param onBehalfOf the subject a clinical app finalizes for (it then owns the video), or null
 * @param details    {@code title}, {@code description} and {@code tags} for the record (as a PATCH would set
 *                   them, with the same limits); empty when none are named, never null
 */
public record FinalizeRequest(String uploadId, String filename, JsonObject metadata, Set<String> teams, String onBehalfOf,
                              JsonObject details) {

    public FinalizeRequest(String uploadId, String filename, JsonObject metadata, Set<String> teams, String onBehalfOf) {
        this(uploadId, filename, metadata, teams, onBehalfOf, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** The filename, metadata and the clinician's subject can identify a patient or a person: never printed. */
    @Override
    public String toString() {
        return "FinalizeRequest[" + uploadId + "]";
    }
}
