package com.pulsevault.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Micrometer, which WildFly 28+ offers instead of MicroProfile Metrics: its {@code micrometer} subsystem
 * puts a per-deployment MeterRegistry into CDI and serves it as Prometheus text on the management port.
 * That registry forwards only its shortcut methods ({@code counter(name, tags)} ...) to the exported
 * registry; meters built with {@code Counter.builder(..).register(..)} would stay private to it, and
 * it refuses {@code config()}, so there are no descriptions or SLO buckets here (VaultMetrics exports
 * its own buckets). Only loaded when the Micrometer API is visible to the deployment.
 */
final class MicrometerBackend implements MeterBackend {

    private final MeterRegistry registry;
    /** WildFly's registry looks a meter up by a scan of all meters on every call: look each up once. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    MicrometerBackend(MeterRegistry registry) {
        this.registry = registry;
    }

    static Optional<MeterBackend> fromCdi() {
        Instance<MeterRegistry> registries = CDI.current().select(MeterRegistry.class);
        return registries.isResolvable() ? Optional.of(new MicrometerBackend(registries.get())) : Optional.empty();
    }

    @Override
    public void count(String name, String help, double amount, String... tags) {
        counters.computeIfAbsent(MeterBackend.id(name, tags), k -> registry.counter(name, Tags.of(tags))).increment(amount);
    }

    @Override
    public void distribution(String name, String help, double value, String... tags) {
        registry.summary(name, Tags.of(tags)).record(value);
    }

    @Override
    public void time(String name, String help, Duration duration, String... tags) {
        registry.timer(name, Tags.of(tags)).record(duration);
    }

    @Override
    public void gauge(String name, String help, Supplier<Number> value, String... tags) {
        // Micrometer holds gauge objects weakly: VaultMetrics keeps the supplier alive
        registry.gauge(name, Tags.of(tags), value, v -> v.get().doubleValue());
    }

    @Override
    public void removeGauge(String name, String... tags) {
        Gauge gauge = registry.find(name).tags(tags).gauge();
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    @Override
    public String describe() {
        return "Micrometer (" + registry.getClass().getSimpleName() + ")";
    }
}
