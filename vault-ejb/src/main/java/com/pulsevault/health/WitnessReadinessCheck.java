package com.pulsevault.health;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether the audit witness (pulsevault.audit.witness-dir) has every checkpoint. Always UP: a witness
 * that cannot be reached must never take the vault out of service (its checkpoints are delivered later);
 * monitoring alerts on {@code "witness":"behind"}.
 */
@Readiness
@Dependent
public class WitnessReadinessCheck implements HealthCheck {

    @Inject
    WitnessState state;

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("audit-witness").up()
                .withData("witness", state.get().name().toLowerCase(java.util.Locale.ROOT));
        if (state.behindSince() != null) {
            b.withData("behindSince", state.behindSince().toString());
        }
        return b.build();
    }
}
