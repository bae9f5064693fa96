package com.pulsevault.queue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to transcode one video. Carries identifiers only.
 *
 * @param attempt how many times the job has failed before (0 for a new job)
 */
public record TranscodeJob(String jobId, String videoId, Instant enqueuedAt, int attempt) {

    public static TranscodeJob forVideo(String videoId, Instant now) {
        return new TranscodeJob(UUID.randomUUID().toString(), videoId, now, 0);
    }

    public TranscodeJob nextAttempt() {
        return new TranscodeJob(jobId, videoId, enqueuedAt, attempt + 1);
    }

    public TranscodeJob fresh() {
        return new TranscodeJob(jobId, videoId, enqueuedAt, 0);
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("jobId", jobId)
                .add("videoId", videoId)
                .add("enqueuedAt", enqueuedAt.toString())
                .add("attempt", attempt)
                .build().toString();
    }

    public static TranscodeJob fromJson(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return new TranscodeJob(o.getString("jobId"), o.getString("videoId"), Instant.parse(o.getString("enqueuedAt")),
                o.getInt("attempt", 0));
    }
}
