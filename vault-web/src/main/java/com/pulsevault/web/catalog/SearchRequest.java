package com.pulsevault.web.catalog;

import com.pulsevault.catalog.SearchTerms;
import com.pulsevault.catalog.VideoFilter;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /videos/search}: {@code {text, tags, metadata, status, owner, team, from, to,
 * limit, cursor}}, every member optional. A member it does not know is a 400, so a misspelt filter does
 * not silently widen the answer. Problem details name the member, never its value.
 */
final class SearchRequest {

    private static final Set<String> MEMBERS = Set.of("text", "tags", "metadata", "status", "owner", "team", "from", "to",
            "limit", "cursor");

    private SearchRequest() {
    }

    static VideoFilter parse(JsonObject body) {
        for (String name : body.keySet()) {
            if (!MEMBERS.contains(name)) {
                throw FilterParams.invalid("unknown member \"" + safe(name) + "\"; a search takes " + String.join(", ", MEMBERS.stream().sorted().toList()));
            }
        }
        String owner = string(body, "owner");
        if (owner != null && !"me".equals(owner)) {
            throw FilterParams.invalid("owner can only be \"me\"");
        }
        SearchTerms terms;
        try {
            terms = SearchTerms.of(string(body, "text"), tags(body), metadata(body));
        } catch (IllegalArgumentException e) {
            throw FilterParams.invalid(e.getMessage());
        }
        return new VideoFilter(FilterParams.status(string(body, "status")), owner != null, string(body, "team"),
                FilterParams.instant("from", string(body, "from")), FilterParams.instant("to", string(body, "to")),
                FilterParams.limit(limit(body)), FilterParams.cursor(string(body, "cursor")), terms);
    }

    private static String string(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw FilterParams.invalid(name + " must be a string");
    }

    private static String limit(JsonObject body) {
        JsonValue v = body.get("limit");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.toString();
        }
        return "not a whole number"; // FilterParams.limit answers it
    }

    private static List<String> tags(JsonObject body) {
        JsonValue v = body.get("tags");
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (v instanceof JsonArray array) {
            for (JsonValue tag : array) {
                if (!(tag instanceof JsonString s) || s.getString().isBlank()) {
                    throw FilterParams.invalid("tags must be an array of non-empty strings");
                }
                tags.add(s.getString());
            }
            return tags;
        }
        throw FilterParams.invalid("tags must be an array of non-empty strings");
    }

    private static Map<String, String> metadata(JsonObject body) {
        JsonValue v = body.get("metadata");
        if (v == null || v == JsonValue.NULL) {
            return Map.of();
        }
        if (!(v instanceof JsonObject object)) {
            throw FilterParams.invalid("metadata must be an object of keys and the exact values to match");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            String text = value instanceof JsonString s ? s.getString()
                    : value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE ? value.toString() : null;
            if (text == null) {
                throw FilterParams.invalid("metadata values must be strings, numbers or booleans");
            }
            pairs.put(key, text);
        });
        return pairs;
    }

    /** A member name is the client's text: shown only when short and plain. */
    private static String safe(String name) {
        return name.matches("[A-Za-z0-9_-]{1,32}") ? name : "…";
    }
}
