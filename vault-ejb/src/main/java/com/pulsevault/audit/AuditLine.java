package com.pulsevault.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of one audit line: a flat JSON object with a fixed key order.
 * {@code hash = SHA-256(prev ‖ canonical entry)}, where the canonical entry is the line's JSON without
 * {@code prev} and {@code hash}. No JSON library on purpose: the verifier runs as a plain
 * {@code java -jar} command on a copied audit directory.
 */
public final class AuditLine {

    public static final String GENESIS = "0".repeat(64);
    /** The entry fields in canonical order; {@code prevDay} names the file the first line of a day links to. */
    static final List<String> ENTRY_FIELDS = List.of("time", "category", "action", "videoId", "uploadId",
            "actor", "client", "outcome", "detail", "prevDay");
    /**
     * Fields added later, written (and hashed) only when they have a value, after the fields above: a
     * line written before they existed keeps its hash. {@code app} is the client application of the
     * caller's token; {@code onBehalfOf} the pseudonym of the clinician a clinical app acted for.
     */
    static final List<String> OPTIONAL_FIELDS = List.of("app", "onBehalfOf");
    private static final java.util.Set<String> REQUIRED_FIELDS;

    static {
        var all = new java.util.HashSet<>(ENTRY_FIELDS);
        all.add("prev");
        all.add("hash");
        REQUIRED_FIELDS = java.util.Set.copyOf(all);
    }

    private AuditLine() {
    }

    /** The full line (no newline) and its hash. */
    static Chained chain(Map<String, String> entry, String prev) {
        String canonical = canonical(entry);
        String hash = hash(prev, canonical);
        String line = canonical.substring(0, canonical.length() - 1)
                + ",\"prev\":" + quote(prev) + ",\"hash\":" + quote(hash) + "}";
        return new Chained(line, hash);
    }

    record Chained(String line, String hash) {
    }

    static String canonical(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        for (String name : ENTRY_FIELDS) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(name)).append(':').append(quote(fields.get(name)));
        }
        for (String name : OPTIONAL_FIELDS) {
            if (fields.get(name) != null) {
                sb.append(',').append(quote(name)).append(':').append(quote(fields.get(name)));
            }
        }
        return sb.append('}').toString();
    }

    static String hash(String prev, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Parses a line written by {@link #chain}; every field must be present exactly once and nothing else.
     *
     * @throws IllegalArgumentException when the line is not such an object
     */
    static Map<String, String> parse(String line) {
        Parser p = new Parser(line);
        Map<String, String> fields = p.object();
        java.util.Set<String> extra = new java.util.HashSet<>(fields.keySet());
        extra.removeAll(REQUIRED_FIELDS);
        extra.removeAll(OPTIONAL_FIELDS);
        if (!fields.keySet().containsAll(REQUIRED_FIELDS) || !extra.isEmpty()) {
            throw new IllegalArgumentException("unexpected or missing fields");
        }
        for (String name : OPTIONAL_FIELDS) {
            if (fields.containsKey(name) && fields.get(name) == null) {
                throw new IllegalArgumentException(name + " is written only with a value");
            }
        }
        return fields;
    }

    /** Any flat object of strings (and nulls) in the form this class writes; no field is required. */
    static Map<String, String> parseObject(String line) {
        return new Parser(line).object();
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> out = new LinkedHashMap<>();
            expect('{');
            while (true) {
                String key = string();
                expect(':');
                String value = peek() == 'n' ? literalNull() : string();
                if (out.put(key, value) != null) {
                    throw new IllegalArgumentException("repeated field " + key);
                }
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + i);
                }
            }
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the object");
            }
            return out;
        }

        private String literalNull() {
            if (!s.startsWith("null", i)) {
                throw new IllegalArgumentException("expected null at " + i);
            }
            i += 4;
            return null;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw new IllegalArgumentException("short escape");
                            }
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape");
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("line ends early");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }
    }
}
