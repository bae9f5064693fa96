package com.pulsevault.media;

import com.pulsevault.video.FailureKind;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The {@code metadata} and {@code renditions} documents a player reads with a signed URL: what it shows,
 * never the original filename, the owner, the teams or the upload's details.
 */
final class ViewerDocuments {

    private static final List<String> METADATA_FIELDS = List.of("videoId", "status", "duration", "width", "height", "hls",
            "dash", "poster", "createdAt", "transcodedAt", "metadata");

    private ViewerDocuments() {
    }

    static JsonObject metadata(Video video) {
        JsonObject record = VideoJson.write(video);
        JsonObjectBuilder view = Json.createObjectBuilder();
        for (String field : METADATA_FIELDS) {
            if (record.containsKey(field)) {
                view.add(field, record.get(field));
            }
        }
        FailureKind kind = video.failureKind();
        if (kind != null) {
            view.add("failure", Json.createObjectBuilder().add("code", kind.code()).add("message", kind.message()));
        }
        return view.build();
    }

    static JsonObject renditions(Video video) {
        JsonObject record = VideoJson.write(video);
        return Json.createObjectBuilder()
                .add("videoId", video.id().value())
                .add("status", video.status().wire())
                .add("renditions", record.containsKey("renditions") ? record.getJsonArray("renditions") : JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }
}
