package com.pulsevault.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A video's history: its events from every chain, in time order, and whether those chains verify. */
class VideoHistoryTest {

    static final String VIDEO = "11111111-1111-4111-8111-111111111111";
    static final String OTHER = "22222222-2222-4222-8222-222222222222";
    static final String UPLOAD = "33333333-3333-4333-8333-333333333333";
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    private void write(AuditCategory category, String at, AuditEntry entry) {
        new AuditChain(dir, Clock.fixed(Instant.parse(at), ZoneOffset.UTC)).append(category, entry);
    }

    private void aDay() {
        write(AuditCategory.UPLOAD, "2026-12-01T08:00:00Z", new AuditEntry("upload.create", null, UPLOAD, "user:a", "10.0.0.1", "success", null));
        write(AuditCategory.UPLOAD, "2026-12-01T08:01:00Z", new AuditEntry("upload.finalize", VIDEO, UPLOAD, "user:a", "10.0.0.1", "success", null));
        write(AuditCategory.ACCESS, "2026-12-01T08:03:00Z", new AuditEntry("media.sign", VIDEO, null, "user:a", "10.0.0.1", "success", "stream/master.m3u8"));
        write(AuditCategory.TRANSCODE, "2026-12-01T08:02:00Z", new AuditEntry("transcode.success", VIDEO, null, "worker", null, "success", "2 renditions"));
        write(AuditCategory.ACCESS, "2026-12-01T08:04:00Z", new AuditEntry("media.sign", OTHER, null, "user:b", "10.0.0.2", "success", null));
    }

    @Test
    void everyChainsEventsAboutTheVideoInTimeOrder() throws Exception {
        aDay();
        VideoHistory.Result r = new VideoHistory(dir).of(VIDEO, UPLOAD, DAY, DAY);
        assertEquals(List.of("upload.create", "upload.finalize", "transcode.success", "media.sign"),
                r.events().stream().map(VideoHistory.Event::action).toList());
        assertEquals(List.of(AuditCategory.UPLOAD, AuditCategory.ACCESS, AuditCategory.TRANSCODE), List.copyOf(r.chains().keySet()));
        assertTrue(r.chains().values().stream().allMatch(VerificationReport::ok));
    }

    @Test
    void anEditedChainIsReportedBesideTheEvents() throws Exception {
        aDay();
        Path access = dir.resolve("access-2026-12-01.log");
        Files.writeString(access, Files.readString(access).replace("10.0.0.2", "10.0.0.9"));
        VideoHistory.Result r = new VideoHistory(dir).of(VIDEO, UPLOAD, DAY, DAY);
        assertFalse(r.chains().get(AuditCategory.ACCESS).ok());
        assertTrue(r.chains().get(AuditCategory.UPLOAD).ok());
    }
}
