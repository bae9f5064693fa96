package com.pulsevault.queue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A request to transcode one video. Carries identifiers only. */
public record TranscodeJob(String jobId, String videoId, Instant enqueuedAt) {

    public static TranscodeJob forVideo(String videoId, Instant now) {
        return new TranscodeJob(UUID.randomUUID().toString(), videoId, now);
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("jobId", jobId)
                .add("videoId", videoId)
                .add("enqueuedAt", enqueuedAt.toString())
                .build().toString();
    }

    public static TranscodeJob fromJson(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return new TranscodeJob(o.getString("jobId"), o.getString("videoId"), Instant.parse(o.getString("enqueuedAt")));
    }
}
