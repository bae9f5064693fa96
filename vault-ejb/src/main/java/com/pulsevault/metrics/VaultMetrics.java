package com.pulsevault.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What PulseVault measures, under the same Prometheus names on WildFly (Micrometer) and Payara
 * (MicroProfile Metrics). Labels carry only bounded, non-identifying values: an outcome, a status
 * class, a rejection reason; never a video id, a file name or a user.
 */
@ApplicationScoped
public class VaultMetrics {

    private static final Logger LOG = Logger.getLogger(VaultMetrics.class.getName());

    static final double[] SIZE_BUCKETS = {1 << 20, 10 << 20, 100 << 20, 1L << 30, 4L << 30, 16L << 30};
    static final double[] FINALIZE_BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    static final double[] TRANSCODE_BUCKETS = {5, 15, 30, 60, 120, 300, 600, 1800, 3600};

    private MeterBackend meters;
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();
    /** Registered gauges (name, tags...), each with a strong reference to its supplier: Micrometer keeps only weak ones. */
    private final Map<List<String>, Supplier<Number>> gauges = new LinkedHashMap<>();

    public VaultMetrics() {
    }

    VaultMetrics(MeterBackend meters) {
        this.meters = meters;
    }

    @PostConstruct
    void detectRegistry() {
        meters = detect();
        LOG.info("PulseVault metrics go to " + meters.describe());
    }

    @PreDestroy
    synchronized void removeGauges() {
        for (List<String> gauge : gauges.keySet()) {
            meters.removeGauge(gauge.get(0), gauge.subList(1, gauge.size()).toArray(String[]::new));
        }
        gauges.clear();
    }

    /** Micrometer where the server has it (WildFly), else MicroProfile Metrics (Payara), else nowhere. */
    private static MeterBackend detect() {
        ClassLoader loader = VaultMetrics.class.getClassLoader();
        Optional<MeterBackend> found = Optional.empty();
        if (visible("io.micrometer.core.instrument.MeterRegistry", loader)) {
            found = MicrometerBackend.fromCdi();
        }
        if (found.isEmpty() && visible("org.eclipse.microprofile.metrics.MetricRegistry", loader)) {
            found = MicroProfileBackend.fromCdi();
        }
        return found.orElseGet(NoMeters::new);
    }

    private static boolean visible(String type, ClassLoader loader) {
        try {
            Class.forName(type, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public void uploadCreated() {
        meters.count("pulsevault_uploads", "tus uploads created", 1);
    }

    public void uploadBytes(long bytes) {
        if (bytes > 0) {
            meters.count("pulsevault_upload_bytes", "Upload bytes received and stored durably", bytes);
        }
    }

    public void videoFinalized(long size, Duration took) {
        meters.distribution("pulsevault_upload_size_bytes", "Size of finalized uploads", size);
        buckets("pulsevault_upload_size_bytes", SIZE_BUCKETS).observe(size);
        meters.time("pulsevault_finalize_duration", "Time to finalize an upload into a video", took);
        buckets("pulsevault_finalize_duration_seconds", FINALIZE_BUCKETS).observe(seconds(took));
    }

    /** @param outcome success, retry (will be tried again) or failed (no attempts left, or unsupported media) */
    public void transcodeFinished(String outcome, Duration took) {
        meters.count("pulsevault_transcodes", "Transcode attempts by outcome", 1, "outcome", outcome);
        meters.time("pulsevault_transcode_duration", "Time of one transcode attempt", took, "outcome", outcome);
        buckets("pulsevault_transcode_duration_seconds", TRANSCODE_BUCKETS, "outcome", outcome).observe(seconds(took));
    }

    public void mediaResponse(int status) {
        meters.count("pulsevault_media_requests", "Media requests by HTTP status class", 1, "status_class", status / 100 + "xx");
    }

    /** @param reason a fixed word such as expired, forged, other-video, out-of-scope */
    public void tokenRejected(String reason) {
        meters.count("pulsevault_token_rejections", "Media tokens refused, by reason", 1, "reason", reason);
    }

    /**
     * A request refused for want of a valid access token. Counted, not audited: a flood of them must
     * not grow the audit trail.
     *
     * @param reason a fixed word: missing, malformed, expired, wrong-issuer, wrong-audience, rejected
     */
    public void authFailed(String reason) {
        meters.count("pulsevault_auth_failures", "Requests refused for a missing or invalid access token, by reason", 1,
                "reason", reason);
    }

    public void queueLength(Supplier<Number> jobs) {
        gauge("pulsevault_queue_length", "Transcode jobs waiting or running", jobs);
    }

    /** The buckets of one histogram (name and tags), registered as gauges on first use. */
    private Buckets buckets(String name, double[] bounds, String... tags) {
        return buckets.computeIfAbsent(name + String.join(",", tags), key -> {
            Buckets b = new Buckets(bounds);
            for (int i = 0; i < b.size(); i++) {
                int bucket = i;
                String[] withLe = java.util.Arrays.copyOf(tags, tags.length + 2);
                withLe[tags.length] = "le";
                withLe[tags.length + 1] = b.label(i);
                gauge(name + "_histogram", "Cumulative histogram buckets of " + name, () -> b.count(bucket), withLe);
            }
            return b;
        });
    }

    private synchronized void gauge(String name, String help, Supplier<Number> value, String... tags) {
        gauges.put(MeterBackend.id(name, tags), value);
        meters.gauge(name, help, value, tags);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The server offers no metrics API this build knows: measurements are dropped (logged once at startup). */
    private static final class NoMeters implements MeterBackend {
        @Override
        public void count(String name, String help, double amount, String... tags) {
        }

        @Override
        public void distribution(String name, String help, double value, String... tags) {
        }

        @Override
        public void time(String name, String help, Duration duration, String... tags) {
        }

        @Override
        public void gauge(String name, String help, Supplier<Number> value, String... tags) {
        }

        @Override
        public void removeGauge(String name, String... tags) {
        }

        @Override
        public String describe() {
            return "nowhere: the server offers neither Micrometer nor MicroProfile Metrics";
        }
    }
}
