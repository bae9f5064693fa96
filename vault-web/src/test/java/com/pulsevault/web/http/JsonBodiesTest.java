package com.pulsevault.web.http;

import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    private static ProblemException refused(String body) {
        return assertThrows(ProblemException.class,
                () -> JsonBodies.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void thousandsOfNestedArraysAreRefusedBeforeParsing() {
        ProblemException e = refused("{\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals(ProblemType.INVALID_JSON, e.type());
    }

    @Test
    void unclosedNestingIsRefusedToo() {
        assertEquals(ProblemType.INVALID_JSON, refused("{\"a\":" + "{\"a\":".repeat(10_000)).type());
    }

    @Test
    void bracketsInsideStringsDoNotCount() throws Exception {
        String body = "{\"title\":\"" + "[{".repeat(100) + "\\\"\"}";
        assertEquals("[{".repeat(100) + "\"",
                JsonBodies.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getString("title"));
    }

    @Test
    void metadataAFewLevelsDeepIsAccepted() throws Exception {
        String body = "{\"metadata\":{\"a\":{\"b\":[{\"c\":[1,2]}]}}}";
        assertEquals(1, JsonBodies.object(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).size());
    }

    @Test
    void theDepthIsCountedOnArraysAndObjects() {
        assertEquals(3, JsonBodies.depth("{\"a\":[{}]}"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        assertEquals(ProblemType.INVALID_JSON, refused("{\"a\":\"" + "x".repeat(JsonBodies.MAX_BODY_BYTES) + "\"}").type());
    }

    @Test
    void deepNestingInUtf16IsRefusedAndNeverReachesTheParser() {
        byte[] body = ("{\"metadata\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_16BE);
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodies.object(new ByteArrayInputStream(body)));
        assertEquals(ProblemType.INVALID_JSON, e.type());
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodies.object(new ByteArrayInputStream(latin1)));
        assertEquals(ProblemType.INVALID_JSON, e.type());
    }

    @Test
    void utf8TextIsReadAsSent() throws Exception {
        byte[] body = "{\"title\":\"Kn\u00f6chel \u2013 links\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Kn\u00f6chel \u2013 links", JsonBodies.object(new ByteArrayInputStream(body)).getString("title"));
    }
}
