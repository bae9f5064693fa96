package com.pulsevault.metadata;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * meta.json carries its own checksum: {@code {"checksum":"sha256:<hex>","document":<document>}}.
 * The checksum covers the document's exact bytes as written, so checking needs no re-serialisation,
 * and a truncated or edited file is told apart from a good one.
 */
final class MetaJsonEnvelope {

    private static final String PREFIX = "{\"checksum\":\"sha256:";
    private static final String MIDDLE = "\",\"document\":";
    private static final String SUFFIX = "}\n";
    private static final int HEX_LENGTH = 64;

    private MetaJsonEnvelope() {
    }

    static byte[] wrap(JsonObject document) {
        String json = document.toString();
        return (PREFIX + sha256(json) + MIDDLE + json + SUFFIX).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws CorruptMetadataException when the file is truncated, edited or not ours */
    static JsonObject unwrap(byte[] bytes, String videoId) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int documentStart = PREFIX.length() + HEX_LENGTH + MIDDLE.length();
        if (!text.startsWith(PREFIX) || text.length() < documentStart + SUFFIX.length() || !text.endsWith(SUFFIX)
                || !text.startsWith(MIDDLE, PREFIX.length() + HEX_LENGTH)) {
            throw new CorruptMetadataException(videoId, "meta.json is truncated or not in the expected form");
        }
        String expected = text.substring(PREFIX.length(), PREFIX.length() + HEX_LENGTH);
        String json = text.substring(documentStart, text.length() - SUFFIX.length());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sha256(json).getBytes(StandardCharsets.US_ASCII))) {
            throw new CorruptMetadataException(videoId, "meta.json does not match its checksum");
        }
        try {
            return Json.createReader(new StringReader(json)).readObject();
        } catch (JsonException e) {
            throw new CorruptMetadataException(videoId, "meta.json document is not a JSON object");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
