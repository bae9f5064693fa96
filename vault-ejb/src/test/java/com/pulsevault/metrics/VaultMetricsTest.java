package com.pulsevault.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names in the README, as WildFly's Micrometer Prometheus registry exports them. */
class VaultMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final VaultMetrics metrics = new VaultMetrics(new MicrometerBackend(registry));

    @Test
    void uploadsAreCountedInUploadsAndBytes() {
        metrics.uploadCreated();
        metrics.uploadBytes(1234);
        assertExported("pulsevault_uploads_total 1.0");
        assertExported("pulsevault_upload_bytes_total 1234.0");
    }

    @Test
    void finalizeRecordsTheUploadSizeHistogramAndItsDuration() {
        metrics.videoFinalized(5 << 20, Duration.ofMillis(30));
        assertExported("pulsevault_upload_size_bytes_count 1");
        assertExported("pulsevault_upload_size_bytes_sum 5242880.0");
        assertExported("pulsevault_upload_size_bytes_histogram{le=\"1048576\"} 0.0");
        assertExported("pulsevault_upload_size_bytes_histogram{le=\"10485760\"} 1.0");
        assertExported("pulsevault_upload_size_bytes_histogram{le=\"+Inf\"} 1.0");
        assertExported("pulsevault_finalize_duration_seconds_count 1");
        assertExported("pulsevault_finalize_duration_seconds_histogram{le=\"0.01\"} 0.0");
        assertExported("pulsevault_finalize_duration_seconds_histogram{le=\"0.05\"} 1.0");
    }

    @Test
    void transcodesAreCountedAndTimedByOutcome() {
        metrics.transcodeFinished("success", Duration.ofSeconds(20));
        metrics.transcodeFinished("retry", Duration.ofSeconds(2));
        assertExported("pulsevault_transcodes_total{outcome=\"success\"} 1.0");
        assertExported("pulsevault_transcodes_total{outcome=\"retry\"} 1.0");
        assertExported("pulsevault_transcode_duration_seconds_count{outcome=\"success\"} 1");
        assertExported("pulsevault_transcode_duration_seconds_histogram{le=\"30\",outcome=\"success\"} 1.0");
        assertExported("pulsevault_transcode_duration_seconds_histogram{le=\"15\",outcome=\"success\"} 0.0");
    }

    @Test
    void mediaAnswersAreCountedByStatusClass() {
        metrics.mediaResponse(206);
        metrics.mediaResponse(200);
        metrics.mediaResponse(403);
        assertExported("pulsevault_media_requests_total{status_class=\"2xx\"} 2.0");
        assertExported("pulsevault_media_requests_total{status_class=\"4xx\"} 1.0");
    }

    @Test
    void tokenRejectionsAreCountedByReason() {
        metrics.tokenRejected("expired");
        assertExported("pulsevault_token_rejections_total{reason=\"expired\"} 1.0");
    }

    @Test
    void queueLengthIsReadAtScrapeTime() {
        AtomicLong jobs = new AtomicLong(3);
        metrics.queueLength(jobs::get);
        assertExported("pulsevault_queue_length 3.0");
        jobs.set(0);
        assertExported("pulsevault_queue_length 0.0");
    }

    @Test
    void anUndeploymentTakesItsGaugesAlongSoTheNextDeploymentRegistersLiveOnes() {
        metrics.queueLength(() -> 7);
        metrics.removeGauges();
        assertTrue(registry.scrape().lines().noneMatch(l -> l.startsWith("pulsevault_queue_length")));

        VaultMetrics redeployed = new VaultMetrics(new MicrometerBackend(registry));
        redeployed.queueLength(() -> 2);
        assertExported("pulsevault_queue_length 2.0");
    }

    private void assertExported(String line) {
        String text = registry.scrape();
        assertTrue(text.lines().anyMatch(line::equals), () -> "no line \"" + line + "\" in\n" + text);
    }
}
