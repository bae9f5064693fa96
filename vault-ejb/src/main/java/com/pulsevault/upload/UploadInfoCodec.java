package com.pulsevault.upload;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The {@code <uploadId>.info} file beside the bytes. */
final class UploadInfoCodec {

    private UploadInfoCodec() {
    }

    static byte[] encode(UploadInfo info) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", info.id().value())
                .add("createdAt", info.createdAt().toString())
                .add("expiresAt", info.expiresAt().toString());
        optional(b, "length", info.length());
        optional(b, "metadata", info.metadata());
        optional(b, "sha256", info.sha256());
        optional(b, "videoId", info.videoId());
        optional(b, "originalFile", info.originalFile());
        optional(b, "owner", info.owner());
        return b.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    static UploadInfo decode(byte[] bytes, long offset) {
        JsonObject o = Json.createReader(new ByteArrayInputStream(bytes)).readObject();
        Long length = o.containsKey("length") && !o.isNull("length") ? o.getJsonNumber("length").longValueExact() : null;
        return new UploadInfo(UploadId.parse(o.getString("id")), length, offset,
                o.getString("metadata", null), Instant.parse(o.getString("createdAt")),
                Instant.parse(o.getString("expiresAt")), o.getString("sha256", null),
                o.getString("videoId", null), o.getString("originalFile", null), o.getString("owner", null));
    }

    private static void optional(JsonObjectBuilder b, String name, Object value) {
        if (value == null) {
            b.add(name, JsonValue.NULL);
        } else if (value instanceof Long l) {
            b.add(name, l);
        } else {
            b.add(name, value.toString());
        }
    }
}
