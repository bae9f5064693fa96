package com.pulsevault.upload;

import com.pulsevault.config.VaultConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/** One store per deployment: it holds this JVM's upload locks and running digests. */
@ApplicationScoped
public class UploadStoreProducer {

    @Inject
    VaultConfig config;
    @Resource
    ManagedExecutorService executor;

    @Produces
    @ApplicationScoped
    UploadStore uploadStore() {
        var s = config.settings();
        return new DiskUploadStore(s.uploadDir(), s.maxUploadSize(), s.uploadExpiry(), Clock.systemUTC(), executor);
    }
}
