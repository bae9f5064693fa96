package com.pulsevault.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /videos} and {@code GET /videos/{id}}: the catalog, with only what the caller may see. */
class CatalogIT extends VaultIT {

    static List<String> ids(HttpResponse<String> list) {
        assertEquals(200, list.statusCode(), list::body);
        return Http.json(list).getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    static HttpResponse<String> list(String user, String query) {
        return Http.as(user, "GET", "videos?" + query, null);
    }

    @Test
    void aNewVideoIsListedFirstForItsOwnerWithItsTitle() {
        Instant start = Instant.now();
        String video = AsUser.video("alice", ",\"metadata\":{\"title\":\"Catalog: left knee\"}");
        HttpResponse<String> list = list("alice", "owner=me&uploadedFrom=" + start);
        assertEquals(video, ids(list).get(0));
        JsonObject item = Http.json(list).getJsonArray("items").getJsonObject(0);
        assertEquals("Catalog: left knee", item.getString("title"));
        assertTrue(item.containsKey("uploadedAt") && item.containsKey("duration") && item.containsKey("renditions"), item.toString());
    }

    @Test
    void pagesFollowTheCursorAndStayStableWhileVideosAreAdded() {
        Instant start = Instant.now();
        String first = AsUser.video("bob", "");
        String second = AsUser.video("bob", "");
        String third = AsUser.video("bob", "");
        HttpResponse<String> page1 = list("bob", "owner=me&uploadedFrom=" + start + "&limit=2");
        assertEquals(List.of(third, second), ids(page1));
        String next = Http.json(page1).getString("next");
        String added = AsUser.video("bob", "");
        HttpResponse<String> page2 = list("bob", "owner=me&uploadedFrom=" + start + "&limit=2&cursor=" + next);
        assertEquals(List.of(first), ids(page2), "the video added meanwhile does not shift the pages");
        assertTrue(Http.json(page2).isNull("next"));
        assertEquals(added, ids(list("bob", "owner=me&uploadedFrom=" + start + "&limit=1")).get(0));
    }

    @Test
    void aTeamSeesItsVideosAnotherTeamDoesNotAndAClinicalAppSeesAll() {
        Instant start = Instant.now();
        String video = AsUser.video("alice", ""); // alice: cardiology
        assertTrue(ids(list("carol", "team=cardiology&uploadedFrom=" + start)).contains(video), "carol: cardiology");
        assertFalse(ids(list("dave", "uploadedFrom=" + start)).contains(video), "dave: neurology");
        assertFalse(ids(list("carol", "team=neurology&uploadedFrom=" + start)).contains(video));
        assertTrue(ids(list(Tokens.CLINICAL_APP, "uploadedFrom=" + start + "&limit=200")).contains(video));
    }

    @Test
    void theStatusFilterFollowsTheTranscode() throws Exception {
        Instant start = Instant.now();
        String video = AsUser.video("alice", ""); // random bytes: the transcode fails for good
        FinalizeIT.await(() -> "failed".equals(Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("status")),
                "the transcode of random bytes to fail");
        assertTrue(ids(list("alice", "status=failed&owner=me&uploadedFrom=" + start)).contains(video));
        assertFalse(ids(list("alice", "status=transcoded&owner=me&uploadedFrom=" + start)).contains(video));
    }

    @Test
    void oneVideoIsItsWholeRecordWithItsVersionAsETagForWhoMaySeeIt() {
        String video = AsUser.video("alice", ",\"metadata\":{\"title\":\"Catalog: record\"}");
        HttpResponse<String> r = Http.as("alice", "GET", "videos/" + video, null);
        assertEquals(200, r.statusCode(), r::body);
        JsonObject record = Http.json(r);
        assertEquals(video, record.getString("videoId"));
        assertEquals("\"" + record.getInt("version") + "\"", Http.header(r, "ETag"));
        assertFalse(record.containsKey("checksum") || record.containsKey("document"), "never the envelope");
        assertEquals(200, Http.as("carol", "GET", "videos/" + video, null).statusCode());
        assertProblem(Http.as("dave", "GET", "videos/" + video, null), 404, "video-not-found");
        assertProblem(Http.as("alice", "GET", "videos/not-a-video", null), 404, "video-not-found");
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        for (String query : new String[]{"limit=0", "limit=201", "limit=ten", "cursor=garbage", "status=exploded", "owner=bob"}) {
            JsonObject problem = assertProblem(list("alice", query), 400, "invalid-request");
            assertTrue(problem.getString("detail").contains(query.split("=")[0]), problem.toString());
        }
        assertProblem(list("alice", "uploadedFrom=yesterday"), 400, "invalid-date-range");
        assertProblem(list("alice", "uploadedFrom=%2B300000-01-01T00:00:00Z"), 400, "invalid-date-range");
    }

    @Test
    void listingNeedsAMediaRole() {
        RolesIT.assertForbidden(list("erin", ""), "uploader or viewer or clinical-app");
        RolesIT.assertForbidden(Http.as("frank", "GET", "videos/" + AsUser.video("alice", ""), null), "uploader or viewer or clinical-app");
    }

    @Test
    void anAdminRebuildsTheIndexAndTheListsAreTheSameAfterwards() throws Exception {
        Instant start = Instant.now();
        String video = AsUser.video("alice", "");
        List<String> before = ids(list("alice", "owner=me&uploadedFrom=" + start));
        RolesIT.assertForbidden(Http.as("alice", "POST", "admin/catalog/rebuild", null), "admin");
        assertEquals(202, Http.as("frank", "POST", "admin/catalog/rebuild", null).statusCode());
        FinalizeIT.await(() -> "current".equals(Http.json(Http.as("frank", "GET", "admin/catalog", null)).getString("index")),
                "the rebuild to finish");
        assertEquals(before, ids(list("alice", "owner=me&uploadedFrom=" + start)));
        assertTrue(before.contains(video));
        JsonArray checks = Http.json(Http.send("GET", Http.HEALTH + "ready", null)).getJsonArray("checks");
        assertTrue(checks.toString().contains("\"catalog\""), checks.toString());
    }
}
