package com.pulsevault.metadata;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The deployment's {@link VideoRepository}: meta.json under the configured video directory. */
@ApplicationScoped
public class VideoRepositoryProducer {

    @Inject
    VaultConfig config;

    @Produces
    @ApplicationScoped
    VideoRepository videos() {
        return new MetaJsonVideoRepository(config.settings().videoDir());
    }
}
