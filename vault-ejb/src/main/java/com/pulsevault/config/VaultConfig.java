package com.pulsevault.config;

import com.pulsevault.settings.VaultSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * The deployment's configuration, read once at start. An unusable media root fails the deployment
 * with a message that names the property to fix.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // read on every request: no transaction per read
public class VaultConfig {

    private static final Logger LOG = Logger.getLogger(VaultConfig.class.getName());

    @Inject
    Config config;

    private VaultSettings settings;
    private byte[] hmacKey;

    @PostConstruct
    void start() {
        settings = VaultSettings.from(name -> config.getOptionalValue(name, String.class));
        settings.requireTokenVerification();
        settings.tokenVerificationWarning().ifPresent(LOG::warning);
        MediaDirectories.prepare(settings);
        try {
            hmacKey = HmacSecret.resolve(settings.hmacSecret(), settings.generatedSecretFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the HMAC secret under " + VaultSettings.MEDIA_ROOT, e);
        }
        LOG.info("PulseVault media root: " + settings.mediaRoot());
    }

    public VaultSettings settings() {
        return settings;
    }

    /** Never logged, never returned by any endpoint. */
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    /** The key before the last rotation, while pulsevault.hmac.previous-secret is set. */
    public java.util.Optional<byte[]> previousHmacKey() {
        return settings.hmacPreviousSecret().map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
