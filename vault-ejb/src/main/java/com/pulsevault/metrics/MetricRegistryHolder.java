package com.pulsevault.metrics;

import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * A real injection point for the MicroProfile MetricRegistry: Payara's producer reads the injection
 * point's annotations and fails on a programmatic {@code CDI.current().select(..)}. Not a bean (no
 * bean-defining annotation), so a server without MicroProfile Metrics never loads it; it is filled
 * through {@link jakarta.enterprise.inject.spi.Unmanaged} only where the API exists.
 */
class MetricRegistryHolder {

    @Inject
    MetricRegistry registry;
}
