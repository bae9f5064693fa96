package com.pulsevault.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's own metrics registry, whichever API it offers. Names are given the way Prometheus shows
 * them without their type suffixes ({@code pulsevault_uploads} becomes {@code pulsevault_uploads_total},
 * a timer gains {@code _seconds}), so both backends export the same names. Tags are name, value, ...
 */
interface MeterBackend {

    void count(String name, String help, double amount, String... tags);

    /** A distribution (count, sum, max); {@code name} carries its unit, e.g. {@code _bytes}. */
    void distribution(String name, String help, double value, String... tags);

    void time(String name, String help, Duration duration, String... tags);

    void gauge(String name, String help, Supplier<Number> value, String... tags);

    /**
     * Removes a gauge this deployment registered. Registries can outlive a deployment (WildFly's does):
     * a gauge left behind would read a dead deployment's object (NaN) and, with the same name and tags,
     * be handed back to the next deployment instead of a new one.
     */
    void removeGauge(String name, String... tags);

    /** Where the meters go, for the startup log line. */
    String describe();

    /** One meter's identity: its name followed by its tags. */
    static List<String> id(String name, String... tags) {
        List<String> id = new ArrayList<>(tags.length + 1);
        id.add(name);
        id.addAll(Arrays.asList(tags));
        return id;
    }
}
