package com.pulsevault.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /events}: live lifecycle events of the videos a caller may see, resumable, through a ticket or a token. */
class EventsIT extends VaultIT {

    @TempDir
    static Path clips;

    static boolean about(SseClient.Event e, String type, String video) {
        return e.name().equals(type) && e.data().contains("\"videoId\":\"" + video + "\"");
    }

    @Test
    void aClientGetsProgressThenTranscodedForItsVideoAndNothingAboutAVideoItMayNotSee() throws Exception {
        try (SseClient alice = SseClient.withTicket("alice")) {
            String hidden = AsUser.video("bob", ""); // neurology: not alice's to see
            String url = AsUser.upload("alice", Files.readAllBytes(Clips.generate(clips, "events.mp4", "320x240", 4, false)));
            String video = Http.json(AsUser.finalizeUpload("alice", url, "")).getString("videoId");
            List<SseClient.Event> seen = alice.until(e -> about(e, "video.transcoded", video), 120);
            List<String> names = seen.stream().filter(e -> e.data().contains(video)).map(SseClient.Event::name).toList();
            assertEquals("video.finalized", names.get(0), names.toString());
            assertTrue(names.indexOf("transcode.progress") > 0 && names.indexOf("transcode.progress") < names.indexOf("video.transcoded"),
                    names.toString());
            assertTrue(seen.stream().allMatch(e -> e.id() != null && !e.id().isEmpty()), "every event has an id to resume from");
            assertFalse(seen.stream().anyMatch(e -> e.data().contains(hidden)), "an event about dave's video reached alice");
            assertFalse(seen.stream().anyMatch(e -> e.data().contains("title") || e.data().contains("owner")), "events carry no record text");
        }
    }

    @Test
    void anEventAnotherNodeWritesReachesTheClientsOfThisOne() throws Exception {
        String video = AsUser.video("alice", "");
        String owner = Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("owner");
        try (SseClient alice = SseClient.withTicket("alice"); redis.clients.jedis.Jedis jedis = TestRedis.jedis()) {
            // what another node's EventLog appends to the shared stream
            jedis.xadd("pulsevault:events", redis.clients.jedis.StreamEntryID.NEW_ENTRY, java.util.Map.of("type", "video.updated",
                    "videoId", video, "owner", owner, "teams", "cardiology",
                    "data", "{\"videoId\":\"" + video + "\",\"status\":\"failed\",\"version\":99}"));
            List<SseClient.Event> seen = alice.until(e -> about(e, "video.updated", video) && e.data().contains("\"version\":99"), 20);
            assertTrue(seen.get(seen.size() - 1).id().matches("[0-9]+-[0-9]+"));
        }
    }

    @Test
    void aTicketIsGoodForOneConnectionAndATokenWorksToo() throws Exception {
        HttpResponse<String> t = Http.as("carol", "POST", "events/tickets", null);
        String url = Http.json(t).getString("url");
        assertFalse(url.contains("carol"));
        try (SseClient first = new SseClient(url)) {
            assertEquals(200, first.status);
        }
        try (SseClient again = new SseClient(url)) {
            assertEquals(401, again.status, "a spent ticket");
        }
        try (SseClient forged = new SseClient("/pulsevault/api/v1/events?ticket=" + "A".repeat(32))) {
            assertEquals(401, forged.status);
        }
        try (SseClient bearer = new SseClient(Http.API + "events", "Authorization", Tokens.bearer("carol"))) {
            assertEquals(200, bearer.status);
        }
        RolesIT.assertForbidden(Http.as("erin", "POST", "events/tickets", null), "uploader or viewer or clinical-app");
    }

    @Test
    void lastEventIdResumesWithWhatWasMissed() throws Exception {
        String video = AsUser.video("alice", "");
        String lastSeen;
        try (SseClient first = SseClient.withTicket("alice")) {
            assertEquals(200, VideoEditIT.patch("alice", video, VideoEditIT.etag("alice", video), "{\"title\":\"one\"}").statusCode());
            List<SseClient.Event> seen = first.until(e -> about(e, "video.updated", video), 20);
            lastSeen = seen.get(seen.size() - 1).id();
        }
        assertEquals(200, VideoEditIT.patch("alice", video, VideoEditIT.etag("alice", video), "{\"title\":\"two\"}").statusCode());
        String url = Http.json(Http.as("alice", "POST", "events/tickets", null)).getString("url");
        try (SseClient resumed = new SseClient(url, "Last-Event-ID", lastSeen)) {
            List<SseClient.Event> seen = resumed.until(e -> about(e, "video.updated", video), 20);
            assertTrue(seen.stream().noneMatch(e -> e.id().equals(lastSeen)), "nothing sent twice");
        }
        String bad = Http.json(Http.as("alice", "POST", "events/tickets", null)).getString("url");
        HttpResponse<String> r = Http.anonymous("GET", "http://127.0.0.1:" + Http.PORT + bad, null, "Last-Event-ID", "yesterday");
        assertProblem(r, 400, "invalid-header");
        String later = Http.json(Http.as("alice", "POST", "events/tickets", null)).getString("url");
        assertProblem(Http.anonymous("GET", "http://127.0.0.1:" + Http.PORT + later, null, "Last-Event-ID", "9999999999999-0"),
                400, "invalid-header");
    }
}
