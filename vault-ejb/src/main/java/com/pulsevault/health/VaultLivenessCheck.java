package com.pulsevault.health;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive when the deployment answers at all. Dependencies (Redis, disk) belong to readiness: their
 * outage is not cured by restarting the server, which is what a failed liveness check asks for.
 */
@Liveness
@Dependent
public class VaultLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("pulsevault").up().build();
    }
}
