package com.pulsevault.health;

import com.pulsevault.settings.VaultSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The same settings the EJBs read, for the checks that live in the EAR's lib/. */
@ApplicationScoped
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
