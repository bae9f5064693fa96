package com.pulsevault.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.pulsevault.it.CatalogIT.ids;
import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /videos/search}: words, tags and metadata values, in a body that never reaches a URL or a log. */
class CatalogSearchIT extends VaultIT {

    static HttpResponse<String> search(String user, String json) {
        return Http.postJson(user, "videos/search", json);
    }

    /** A word no other test uses, so a search finds only this test's videos. */
    static String marker() {
        return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String described(String user, String extraJson, String patch) {
        String video = AsUser.video(user, extraJson);
        HttpResponse<String> r = VideoEditIT.patch(user, video, VideoEditIT.etag(user, video), patch);
        assertEquals(200, r.statusCode(), r::body);
        return video;
    }

    @Test
    void everyWordMustAppearInTheTitleDescriptionOrTagsWhateverTheCase() {
        String word = marker();
        String knee = described("alice", "", "{\"title\":\"Left KNEE " + word + "\",\"description\":\"Effusion, week two\"}");
        String shoulder = described("alice", "", "{\"title\":\"Shoulder\",\"tags\":[\"" + word.toUpperCase() + "\"]}");
        assertEquals(List.of(shoulder, knee), ids(search("alice", "{\"text\":\"" + word.toUpperCase() + "\"}")));
        assertEquals(List.of(knee), ids(search("alice", "{\"text\":\"knee " + word + " EFFUSION\"}")));
        assertEquals(List.of(), ids(search("alice", "{\"text\":\"" + word + " elbow\"}")));
    }

    @Test
    void tagsAndMetadataValuesMatchExactly() {
        String encounter = "E-" + marker();
        String tagged = described("alice", ",\"metadata\":{\"encounter\":\"" + encounter + "\",\"bed\":12}",
                "{\"tags\":[\"Follow-up\",\"knee\"]}");
        AsUser.video("alice", ",\"metadata\":{\"encounter\":\"" + encounter + "-2\"}");
        assertEquals(List.of(tagged), ids(search("alice", "{\"metadata\":{\"encounter\":\"" + encounter + "\"}}")));
        assertEquals(List.of(tagged), ids(search("alice", "{\"metadata\":{\"encounter\":\"" + encounter + "\",\"bed\":12},\"tags\":[\"follow-up\"]}")));
        assertEquals(List.of(), ids(search("alice", "{\"metadata\":{\"encounter\":\"" + encounter + "\",\"bed\":13}}")));
        assertEquals(List.of(), ids(search("alice", "{\"metadata\":{\"encounter\":\"" + encounter + "\"},\"tags\":[\"follow\"]}")));
    }

    @Test
    void aSearchFindsOnlyWhatTheCallerMaySee() {
        String word = marker();
        String video = described("alice", "", "{\"title\":\"" + word + "\"}"); // alice: cardiology
        assertEquals(List.of(video), ids(search("carol", "{\"text\":\"" + word + "\"}")), "carol: cardiology");
        assertEquals(List.of(), ids(search("dave", "{\"text\":\"" + word + "\"}")), "dave: neurology");
        assertEquals(List.of(video), ids(search(Tokens.CLINICAL_APP, "{\"text\":\"" + word + "\"}")));
        RolesIT.assertForbidden(search("erin", "{\"text\":\"" + word + "\"}"), "uploader or viewer or clinical-app");
    }

    @Test
    void aSearchPagesWithTheCursorAndCombinesWithTheListFilters() {
        String word = marker();
        String first = described("bob", "", "{\"title\":\"" + word + " one\"}");
        String second = described("bob", "", "{\"title\":\"" + word + " two\"}");
        String third = described("bob", "", "{\"title\":\"" + word + " three\"}");
        HttpResponse<String> page1 = search("bob", "{\"text\":\"" + word + "\",\"limit\":2,\"owner\":\"me\"}");
        assertEquals(List.of(third, second), ids(page1));
        String next = Http.json(page1).getString("next");
        HttpResponse<String> page2 = search("bob", "{\"text\":\"" + word + "\",\"limit\":2,\"owner\":\"me\",\"cursor\":\"" + next + "\"}");
        assertEquals(List.of(first), ids(page2));
        assertTrue(Http.json(page2).isNull("next"));
        assertEquals(List.of(), ids(search("bob", "{\"text\":\"" + word + "\",\"status\":\"transcoded\",\"from\":\"2001-01-01\",\"to\":\"2001-01-02\"}")));
    }

    @Test
    void badSearchesAreProblemsNamingTheMember() {
        for (String body : new String[]{"{\"txt\":\"knee\"}", "{\"tags\":\"knee\"}", "{\"metadata\":{\"a\":{\"b\":1}}}",
                "{\"text\":\"" + "x".repeat(300) + "\"}", "{\"limit\":0}", "{\"limit\":\"ten\"}", "{\"owner\":\"bob\"}",
                "{\"cursor\":\"garbage\"}", "{\"status\":\"exploded\"}", "{\"text\":7}"}) {
            assertProblem(search("alice", body), 400, "invalid-request");
        }
        assertProblem(search("alice", "{\"from\":\"yesterday\"}"), 400, "invalid-date-range");
        assertProblem(search("alice", "{\"from\":\"+300000-01-01T00:00:00Z\"}"), 400, "invalid-date-range");
        assertProblem(search("alice", "{\"text\":"), 400, "invalid-json");
        assertProblem(Http.as("alice", "POST", "videos/search", "text=knee".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
    }

    @Test
    void searchTermsReachNeitherTheAccessLogNorTheServerLogNorTheAudit() throws Exception {
        String word = marker();
        String encounter = marker();
        assertEquals(200, search("alice", "{\"text\":\"" + word + "\",\"metadata\":{\"encounter\":\"" + encounter + "\"}}").statusCode());
        FinalizeIT.await(() -> accessLog().contains("/pulsevault/api/v1/videos/search"), "the search to reach the access log");
        String access = accessLog();
        assertFalse(access.contains(word) || access.contains(encounter), "a search term reached the access log");
        String server = Files.readString(ConfigurationIT.SERVER_LOG);
        assertFalse(server.contains(word) || server.contains(encounter), "a search term reached the server log");
        String audit = String.join("\n", AsUser.auditLines("access"));
        assertTrue(audit.contains("\"action\":\"video.search\""), "the search is audited");
        assertFalse(audit.contains(word) || audit.contains(encounter), "a search term reached the audit trail");
    }

    static String accessLog() {
        Path dir = Path.of(System.getProperty("vault.access.log.dir"));
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().contains("access")).toList()) {
                all.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
