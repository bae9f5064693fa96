package com.pulsevault.metrics;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Cumulative histogram buckets, exported as {@code <name>_histogram{le="..."}} gauges next to the
 * server's own count/sum: neither WildFly's per-deployment Micrometer registry nor Payara's MicroProfile
 * Metrics lets an application choose histogram buckets, and {@code histogram_quantile()} needs them (it
 * asks only for the {@code le} label). Not {@code _bucket}: Prometheus' Java client reserves that suffix.
 */
final class Buckets {

    private final double[] bounds;
    private final AtomicLongArray counts; // counts[i]: observations <= bounds[i]; the last one is +Inf

    Buckets(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts.incrementAndGet(i);
            }
        }
        counts.incrementAndGet(bounds.length);
    }

    int size() {
        return bounds.length + 1;
    }

    /** The {@code le} label of bucket i, as Prometheus writes it ("0.05", "1048576", "+Inf"). */
    String label(int i) {
        return i == bounds.length ? "+Inf" : BigDecimal.valueOf(bounds[i]).stripTrailingZeros().toPlainString();
    }

    long count(int i) {
        return counts.get(i);
    }
}
