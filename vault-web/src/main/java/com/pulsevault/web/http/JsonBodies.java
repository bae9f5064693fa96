package com.pulsevault.web.http;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading small JSON request bodies strictly: every mistake is a 400 invalid-json naming the field. */
public final class JsonBodies {

    /** Room for generous clinical metadata, not for a file smuggled into JSON. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Clinical metadata is a few levels deep; thousands of levels are an attack on the parser's stack. */
    public static final int MAX_DEPTH = 32;

    private JsonBodies() {
    }

    public static JsonObject object(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text = utf8(bytes);
        if (depth(text) > MAX_DEPTH) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body nests deeper than " + MAX_DEPTH + " levels");
        }
        JsonValue value;
        try {
            // from the text just scanned: a parser that detected UTF-16 or UTF-32 itself would see other nesting
            value = Json.createReader(new StringReader(text)).readValue();
        } catch (RuntimeException e) { // JsonException, and whatever else a hostile body provokes in a parser
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** JSON exchanged between systems is UTF-8 (RFC 8259 §8.1); anything else is refused, not guessed. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.INVALID_JSON, "the body is not UTF-8");
        }
    }

    /**
     * The deepest nesting of arrays and objects, counted before the parser sees the body (strings are
     * skipped, escapes included). Malformed input is left for the parser to refuse.
     */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char b = json.charAt(i);
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                max = Math.max(max, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return max;
    }

    public static String requiredString(JsonObject json, String name) {
        String value = optionalString(json, name);
        if (value == null) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " is required");
        }
        return value;
    }

    public static String optionalString(JsonObject json, String name) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be a string");
        }
        return json.getString(name);
    }

    /** A JSON array of strings, or null when absent. */
    public static java.util.List<String> optionalStrings(JsonObject json, String name) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || !value.asJsonArray().stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be an array of strings");
        }
        return value.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    public static Long optionalLong(JsonObject json, String name) {
        JsonValue value = present(json, name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !json.getJsonNumber(name).isIntegral()) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be a whole number");
        }
        return json.getJsonNumber(name).longValue();
    }

    public static JsonObject optionalObject(JsonObject json, String name) {
        JsonValue value = present(json, name);
        if (value == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProblemException(ProblemType.INVALID_JSON, name + " must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonValue present(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }
}
