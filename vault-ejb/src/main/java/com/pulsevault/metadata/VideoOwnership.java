package com.pulsevault.metadata;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who a video belongs to, as meta.json records it: its owner (a subject) and the teams that see it.
 * A meta.json from before owners were kept has neither: only a clinical app sees such a video.
 */
public record VideoOwnership(String owner, Set<String> teams) {

    public static VideoOwnership of(JsonObject meta) {
        String owner = meta.get("owner") instanceof JsonString s ? s.getString() : null;
        Set<String> teams = new TreeSet<>();
        if (meta.get("teams") != null && meta.get("teams").getValueType() == JsonValue.ValueType.ARRAY) {
            meta.getJsonArray("teams").forEach(t -> {
                if (t instanceof JsonString s) {
                    teams.add(s.getString());
                }
            });
        }
        return new VideoOwnership(owner, Set.copyOf(teams));
    }
}
