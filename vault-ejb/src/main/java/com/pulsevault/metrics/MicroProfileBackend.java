package com.pulsevault.metrics;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * MicroProfile Metrics 5, which Payara serves at {@code /metrics} (application scope). Only loaded when
 * the MicroProfile Metrics API is visible to the deployment.
 */
final class MicroProfileBackend implements MeterBackend {

    private final MetricRegistry registry;

    MicroProfileBackend(MetricRegistry registry) {
        this.registry = registry;
    }

    static Optional<MeterBackend> fromCdi() {
        if (!CDI.current().select(MetricRegistry.class).isResolvable()) {
            return Optional.empty();
        }
        Unmanaged.UnmanagedInstance<MetricRegistryHolder> holder = new Unmanaged<>(MetricRegistryHolder.class).newInstance();
        MetricRegistry registry = holder.produce().inject().get().registry;
        return Optional.of(new MicroProfileBackend(registry));
    }

    @Override
    public void count(String name, String help, double amount, String... tags) {
        registry.counter(metadata(name, help), tags(tags)).inc(Math.round(amount));
    }

    @Override
    public void distribution(String name, String help, double value, String... tags) {
        registry.histogram(metadata(name, help), tags(tags)).update(Math.round(value));
    }

    @Override
    public void time(String name, String help, Duration duration, String... tags) {
        // Micrometer's Prometheus names add _seconds to a timer; Payara's exporter adds no unit: say it here
        registry.timer(metadata(name + "_seconds", help), tags(tags)).update(duration);
    }

    @Override
    public void gauge(String name, String help, Supplier<Number> value, String... tags) {
        registry.gauge(metadata(name, help), value, tags(tags));
    }

    @Override
    public void removeGauge(String name, String... tags) {
        registry.remove(new MetricID(name, tags(tags)));
    }

    @Override
    public String describe() {
        return "MicroProfile Metrics (" + registry.getClass().getSimpleName() + ")";
    }

    private static Metadata metadata(String name, String help) {
        return Metadata.builder().withName(name).withDescription(help).build();
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
