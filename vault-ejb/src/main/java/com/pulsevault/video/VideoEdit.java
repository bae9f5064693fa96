package com.pulsevault.video;

import com.pulsevault.identity.Teams;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON merge patch (RFC 7396, applied by JSON-P) to the editable part of a video's record: title,
 * description, tags, metadata and teams. A {@code null} removes a field (or a metadata key); objects
 * merge; arrays are replaced whole. Everything else about a video is the vault's to change.
 */
public final class VideoEdit {

    public static final List<String> EDITABLE = List.of("title", "description", "tags", "metadata", "teams");
    static final int MAX_TITLE = 512;
    static final int MAX_DESCRIPTION = 8192;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG = 64;
    static final int MAX_TEAMS = 32;

    /** The edited video, and the names of the fields the patch changed (never their values). */
    public record Result(Video video, List<String> changed) {
    }

    private VideoEdit() {
    }

    /** @throws InvalidEditException naming the field */
    /** Refuses a patch that would break any video's record, before anything is written (finalize). */
    public static void check(JsonObject patch) {
        apply(Video.finalized(VideoId.random(), null, JsonObject.EMPTY_JSON_OBJECT, null, null, java.util.Set.of(), null, Instant.EPOCH),
                patch, Instant.EPOCH);
    }

    public static Result apply(Video video, JsonObject patch, Instant now) {
        for (String field : patch.keySet()) {
            if (!EDITABLE.contains(field)) {
                throw new InvalidEditException(field + " cannot be changed; a patch may change " + String.join(", ", EDITABLE));
            }
        }
        JsonObject before = editable(video);
        JsonValue merged = Json.createMergePatch(patch).apply(before);
        JsonObject after = merged.asJsonObject();
        List<String> changed = new ArrayList<>();
        for (String field : EDITABLE) {
            if (!java.util.Objects.equals(before.get(field), after.get(field))) {
                changed.add(field);
            }
        }
        if (changed.isEmpty()) {
            return new Result(video, changed);
        }
        String title = text(after, "title", MAX_TITLE);
        String description = text(after, "description", MAX_DESCRIPTION);
        List<String> tags = strings(after, "tags", MAX_TAGS, MAX_TAG);
        JsonObject metadata = after.get("metadata") instanceof JsonObject o ? o : null;
        if (after.containsKey("metadata") && metadata == null) {
            throw new InvalidEditException("metadata must be a JSON object");
        }
        Set<String> teams = new LinkedHashSet<>(strings(after, "teams", MAX_TEAMS, 128));
        if (!Teams.allValid(teams)) {
            throw new InvalidEditException("teams must be team names");
        }
        return new Result(video.edited(title, description, tags, metadata == null ? JsonObject.EMPTY_JSON_OBJECT : metadata,
                teams, now), changed);
    }

    private static JsonObject editable(Video v) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (v.title() != null) {
            b.add("title", v.title());
        }
        if (v.description() != null) {
            b.add("description", v.description());
        }
        if (!v.tags().isEmpty()) {
            b.add("tags", Json.createArrayBuilder(v.tags()));
        }
        b.add("metadata", v.metadata());
        b.add("teams", Json.createArrayBuilder(v.teams().stream().sorted().toList()));
        return b.build();
    }

    private static String text(JsonObject o, String field, int max) {
        JsonValue value = o.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > max) {
            throw new InvalidEditException(field + " must be a text of 1 to " + max + " characters");
        }
        return s.getString();
    }

    private static List<String> strings(JsonObject o, String field, int maxItems, int maxLength) {
        JsonValue value = o.get(field);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() > maxItems) {
            throw new InvalidEditException(field + " must be an array of at most " + maxItems + " texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > maxLength) {
                throw new InvalidEditException(field + " must be an array of texts of 1 to " + maxLength + " characters");
            }
            out.add(s.getString());
        }
        return out;
    }
}
