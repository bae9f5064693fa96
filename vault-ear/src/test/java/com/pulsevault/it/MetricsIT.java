package com.pulsevault.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PulseVault's meters on the server's own Prometheus endpoint (WildFly: Micrometer on the management
 * port; Payara: MicroProfile Metrics), scraped before and after an upload, a transcode and media reads.
 * Other tests run in the same server, so the checks are on increases.
 */
class MetricsIT extends VaultIT {

    private static PrometheusText before;
    private static PrometheusText after;
    private static String videoId;
    private static long clipSize;

    @BeforeAll
    static void uploadTranscodeAndPlay() throws Exception {
        Path clip = Clips.generate(Files.createTempDirectory("pulsevault-metrics"), "metrics.mp4", "426x240", 2, true);
        clipSize = Files.size(clip);
        before = PrometheusText.scrape();
        videoId = TranscodeIT.transcoded(clip);
        String segment = MediaIT.sign(videoId, "poster.jpg", 60).getString("url");
        assertEquals(206, Http.send("GET", segment, null, "Range", "bytes=0-99").statusCode());
        assertEquals(403, Http.send("GET", segment.replace("/t/", "/t/x"), null).statusCode());
        after = PrometheusText.scrape();
    }

    @Test
    void uploadsAndTheirBytesAreCounted() {
        assertTrue(increase("pulsevault_uploads_total") >= 1, after.text);
        assertTrue(increase("pulsevault_upload_bytes_total") >= clipSize, after.text);
    }

    @Test
    void finalizeRecordsTheUploadSizeAndItsDuration() {
        assertTrue(increase("pulsevault_upload_size_bytes_count") >= 1, after.text);
        assertTrue(increase("pulsevault_upload_size_bytes_sum") >= clipSize, after.text);
        assertTrue(increase("pulsevault_upload_size_bytes_histogram", "le", "+Inf") >= 1, after.text);
        assertTrue(increase("pulsevault_upload_size_bytes_histogram", "le", "1048576") >= 1, after.text); // a 2 s 240p clip
        assertTrue(increase("pulsevault_finalize_duration_seconds_count") >= 1, after.text);
    }

    @Test
    void transcodesAreCountedAndTimedByOutcome() {
        assertTrue(increase("pulsevault_transcodes_total", "outcome", "success") >= 1, after.text);
        assertTrue(increase("pulsevault_transcode_duration_seconds_count", "outcome", "success") >= 1, after.text);
    }

    @Test
    void queueLengthIsExported() {
        assertTrue(after.has("pulsevault_queue_length"), after.text);
    }

    @Test
    void mediaRequestsAreCountedByStatusClassAndRejectedTokensByReason() {
        assertTrue(increase("pulsevault_media_requests_total", "status_class", "2xx") >= 1, after.text);
        assertTrue(increase("pulsevault_media_requests_total", "status_class", "4xx") >= 1, after.text);
        assertTrue(increase("pulsevault_token_rejections_total") >= 1, after.text);
    }

    @Test
    void noVideoIdFileNameOrUserEverAppearsInTheMetrics() {
        for (PrometheusText.Sample s : after.samplesStartingWith("pulsevault_")) {
            assertFalse(s.labels().values().stream().anyMatch(v -> v.contains(videoId) || v.contains("clip.mp4") || v.contains("dr.test")),
                    s::toString);
        }
        assertFalse(after.text.contains(videoId));
        assertFalse(after.text.contains("dr.test"));
    }

    private static double increase(String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
