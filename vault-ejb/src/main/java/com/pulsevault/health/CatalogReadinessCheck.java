package com.pulsevault.health;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

/**
 * Says whether the catalog index is being rebuilt or behind the meta.json files. Ready all the same:
 * uploads, transcodes and playback do not need the index, and a list is only incomplete meanwhile.
 */
@Readiness
@Dependent
public class CatalogReadinessCheck implements HealthCheck {

    @Inject
    CatalogIndexState state;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog").up().withData("index", state.get().name().toLowerCase(Locale.ROOT)).build();
    }
}
