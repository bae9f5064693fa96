package com.pulsevault.health;

import com.pulsevault.settings.VaultSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * The same settings the EJBs read, for the checks that live in the EAR's lib/.
 * <p>
 * The checks and this class are {@code @Dependent}, not {@code @ApplicationScoped}: Payara calls
 * health checks on its own /health servlet's thread, where the EAR's application context is not
 * active, so a client proxy of a normal-scoped bean fails there (WELD-001303) and /health answers
 * 500. Dependent beans are injected as plain instances and need no active context. WildFly's
 * SmallRye Health handles both scopes alike.
 */
@Dependent
public class HealthSettings {

    @Inject
    Config config;

    private volatile VaultSettings settings;

    VaultSettings get() {
        if (settings == null) {
            settings = VaultSettings.from(name -> config.getOptionalValue(name, String.class));
        }
        return settings;
    }
}
