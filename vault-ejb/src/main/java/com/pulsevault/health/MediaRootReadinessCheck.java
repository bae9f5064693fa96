package com.pulsevault.health;

import com.pulsevault.settings.VaultSettings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ready only when the upload directory takes a write and the media root's file system has more than
 * {@code pulsevault.health.min-free-bytes} free.
 */
@Readiness
@Dependent
public class MediaRootReadinessCheck implements HealthCheck {

    @Inject
    HealthSettings settings;

    @Override
    public HealthCheckResponse call() {
        VaultSettings s = settings.get();
        var builder = HealthCheckResponse.named("media-root");
        try {
            long free = Files.getFileStore(s.mediaRoot()).getUsableSpace();
            Path probe = Files.createTempFile(s.uploadDir(), ".health", ".probe");
            Files.delete(probe);
            boolean enough = free >= s.healthMinFreeBytes();
            return builder.status(enough)
                    .withData("freeBytes", free)
                    .withData("minFreeBytes", s.healthMinFreeBytes())
                    .build();
        } catch (IOException | RuntimeException e) {
            return builder.down().withData("error", "media root is not writable: " + e.getClass().getSimpleName()).build();
        }
    }
}
