package com.pulsevault.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static com.pulsevault.it.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pulsevault.retention.min-days}, set by the server-config scripts and read at deploy, keeps a video from deletion. */
class RetentionIT extends VaultIT {

    static void redeployWith(String minDays) throws Exception {
        AppServer.current().setVaultProperty("pulsevault.retention.min-days", minDays);
        AppServer.current().undeploy();
        AppServer.current().deploy();
    }

    @Test
    void withinTheRetentionPeriodDeletionIsRefusedSayingUntilWhen() throws Exception {
        redeployWith("3650");
        try {
            String video = AsUser.video("alice", "");
            Instant created = Instant.parse(Http.json(Http.as("alice", "GET", "videos/" + video, null)).getString("createdAt"));
            JsonObject refusal = assertProblem(VideoDeleteIT.delete("alice", video), 409, "retention");
            assertEquals(created.plus(Duration.ofDays(3650)), Instant.parse(refusal.getString("retainedUntil")));
            assertProblem(VideoDeleteIT.delete("frank", video), 409, "retention");
            assertTrue(Files.exists(MEDIA_ROOT.resolve("videos").resolve(video).resolve("original.mp4")), "nothing was removed");
            assertTrue(AsUser.auditLines("access").stream().anyMatch(l -> l.contains("\"action\":\"video.delete\",\"videoId\":\"" + video)
                    && l.contains("retention")), "the refusal is audited");
        } finally {
            redeployWith("0");
        }
        String video = AsUser.video("alice", "");
        assertEquals(204, VideoDeleteIT.delete("alice", video).statusCode(), "without a minimum, deletion is allowed again");
    }
}
