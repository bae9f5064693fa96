package com.pulsevault.upload;

import jakarta.json.JsonObject;

/** @param metadata the client's free-form metadata (kept in meta.json only); may be empty, never null */
public record FinalizeRequest(String uploadId, String filename, String userId, JsonObject metadata) {
}
