package com.pulsevault.catalog;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.events.VideoEvents;
import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.storage.LocalVideoMedia;
import com.pulsevault.video.VideoMedia;
import com.pulsevault.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The deployment's {@link VideoRepository} (meta.json under the configured video directory, indexed for the
 * catalog) and {@link VideoMedia} (the media files beside it).
 */
@ApplicationScoped
public class VideoRepositoryProducer {

    @Inject
    VaultConfig config;
    @Inject
    CatalogIndex index;
    @Inject
    CatalogReconciler reconciler;
    @Inject
    VideoEvents events;

    @Produces
    @ApplicationScoped
    VideoRepository videos() {
        return new PublishingVideoRepository(new IndexedVideoRepository(new MetaJsonVideoRepository(config.settings().videoDir()),
                index::put, reconciler::markBehind), events);
    }

    @Produces
    @ApplicationScoped
    VideoMedia media() {
        return new LocalVideoMedia(config.settings().videoDir());
    }
}
