package com.pulsevault.video;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
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
 * A {@link Video} as the document inside meta.json (schema 1), both ways. Every document an earlier
 * version wrote reads unchanged (owners and teams are absent from the oldest); fields this version does
 * not know are carried through untouched.
 */
public final class VideoJson {

    private static final Set<String> KNOWN = Set.of("schema", "videoId", "status", "transcoding", "createdAt", "updatedAt",
            "original", "title", "description", "tags", "metadata", "upload", "owner", "teams", "finalizedBy", "version", "editedVersion",
            "attempt", "error", "lastError", "failure", "duration", "width", "height", "renditions", "hls", "dash", "poster",
            "transcodedAt", "timings", "legalHold", "deletedAt");

    private VideoJson() {
    }

    /** @throws IllegalArgumentException when the document is not a video record */
    public static Video read(JsonObject doc) {
        try {
            Video.Draft d = new Video.Draft();
            d.id = new VideoId(doc.getString("videoId"));
            d.version = doc.containsKey("version") ? doc.getJsonNumber("version").longValue() : 0;
            d.editedVersion = doc.containsKey("editedVersion") ? doc.getJsonNumber("editedVersion").longValue() : 0;
            d.status = VideoStatus.of(doc.getString("status", VideoStatus.UPLOADED.wire()));
            d.transcoding = doc.containsKey("transcoding") ? TranscodeState.of(doc.getString("transcoding")) : null;
            d.createdAt = instant(doc, "createdAt");
            d.updatedAt = instant(doc, "updatedAt");
            JsonObject o = doc.getJsonObject("original");
            d.original = o == null ? null : new OriginalFile(o.getString("file"), o.getJsonNumber("size").longValue(),
                    o.getString("sha256", null), o.getString("filename", null));
            d.title = doc.getString("title", null);
            d.description = doc.getString("description", null);
            d.tags = strings(doc.get("tags"));
            d.metadata = doc.containsKey("metadata") ? doc.getJsonObject("metadata") : JsonObject.EMPTY_JSON_OBJECT;
            d.upload = doc.containsKey("upload") ? doc.getJsonObject("upload") : null;
            d.owner = doc.get("owner") instanceof JsonString s ? s.getString() : null;
            d.teams = new LinkedHashSet<>(strings(doc.get("teams")));
            d.finalizedBy = doc.getString("finalizedBy", null);
            d.attempt = doc.containsKey("attempt") ? doc.getInt("attempt") : null;
            d.error = doc.getString("error", null);
            d.lastError = doc.getString("lastError", null);
            d.failure = doc.getString("failure", null);
            d.output = doc.containsKey("renditions") || doc.containsKey("hls") ? output(doc) : null;
            d.transcodedAt = instant(doc, "transcodedAt");
            d.legalHold = doc.getBoolean("legalHold", false);
            d.deletedAt = instant(doc, "deletedAt");
            JsonObjectBuilder extra = Json.createObjectBuilder();
            doc.forEach((k, v) -> {
                if (!KNOWN.contains(k)) {
                    extra.add(k, v);
                }
            });
            d.extra = extra.build();
            return new Video(d);
        } catch (ClassCastException | NullPointerException | java.time.DateTimeException | VideoNotFoundException e) {
            throw new IllegalArgumentException("not a video record: " + e.getClass().getSimpleName());
        }
    }

    /** The document to store; its {@code version} is the store's to set. */
    public static JsonObject write(Video v) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("schema", 1)
                .add("videoId", v.id.value())
                .add("status", v.status.wire());
        if (v.transcoding != null) {
            b.add("transcoding", v.transcoding.wire());
        }
        add(b, "createdAt", v.createdAt);
        add(b, "updatedAt", v.updatedAt);
        if (v.original != null) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("file", v.original.file()).add("size", v.original.size());
            add(o, "sha256", v.original.sha256());
            add(o, "filename", v.original.filename());
            b.add("original", o);
        }
        add(b, "title", v.title);
        add(b, "description", v.description);
        if (!v.tags.isEmpty()) {
            b.add("tags", array(v.tags));
        }
        b.add("metadata", v.metadata);
        if (v.upload != null) {
            b.add("upload", v.upload);
        }
        add(b, "owner", v.owner);
        if (v.owner != null || !v.teams.isEmpty()) {
            b.add("teams", array(v.teams.stream().sorted().toList()));
        }
        add(b, "finalizedBy", v.finalizedBy);
        if (v.version > 0) {
            b.add("version", v.version);
        }
        if (v.editedVersion > 0) {
            b.add("editedVersion", v.editedVersion);
        }
        if (v.attempt != null) {
            b.add("attempt", v.attempt);
        }
        add(b, "error", v.error);
        add(b, "lastError", v.lastError);
        add(b, "failure", v.failure);
        if (v.output != null) {
            writeOutput(b, v.output);
        }
        add(b, "transcodedAt", v.transcodedAt);
        if (v.legalHold) {
            b.add("legalHold", true);
        }
        add(b, "deletedAt", v.deletedAt);
        v.extra.forEach(b::add);
        return b.build();
    }

    private static TranscodeOutput output(JsonObject doc) {
        List<Rendition> renditions = new ArrayList<>();
        if (doc.containsKey("renditions")) {
            for (JsonValue value : doc.getJsonArray("renditions")) {
                JsonObject r = value.asJsonObject();
                renditions.add(new Rendition(r.getString("name"), r.getInt("width"), r.getInt("height"),
                        r.getJsonNumber("bandwidth").longValue(), r.getString("playlist"), r.getString("codecs", null)));
            }
        }
        JsonObject t = doc.getJsonObject("timings");
        TranscodeOutput.Timings timings = t == null ? null
                : new TranscodeOutput.Timings(longOf(t, "probeMs"), longOf(t, "ladderMs"), longOf(t, "posterMs"));
        return new TranscodeOutput(doc.containsKey("duration") ? doc.getJsonNumber("duration").doubleValue() : 0,
                (int) longOf(doc, "width"), (int) longOf(doc, "height"), renditions, doc.getString("hls", null),
                doc.getString("dash", null), doc.getString("poster", null), timings);
    }

    private static void writeOutput(JsonObjectBuilder b, TranscodeOutput out) {
        b.add("duration", out.duration()).add("width", out.width()).add("height", out.height());
        JsonArrayBuilder renditions = Json.createArrayBuilder();
        for (Rendition r : out.renditions()) {
            JsonObjectBuilder rb = Json.createObjectBuilder().add("name", r.name()).add("width", r.width())
                    .add("height", r.height()).add("bandwidth", r.bandwidth()).add("playlist", r.playlist());
            add(rb, "codecs", r.codecs());
            renditions.add(rb);
        }
        b.add("renditions", renditions);
        add(b, "hls", out.hls());
        add(b, "dash", out.dash());
        add(b, "poster", out.poster());
        if (out.timings() != null) {
            b.add("timings", Json.createObjectBuilder().add("probeMs", out.timings().probeMs())
                    .add("ladderMs", out.timings().ladderMs()).add("posterMs", out.timings().posterMs()));
        }
    }

    private static long longOf(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? n.longValue() : 0;
    }

    private static Instant instant(JsonObject doc, String name) {
        return doc.containsKey(name) ? Instant.parse(doc.getString(name)) : null;
    }

    private static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(v -> {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            });
        }
        return out;
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static void add(JsonObjectBuilder b, String name, Instant value) {
        if (value != null) {
            b.add(name, value.toString());
        }
    }
}
