package com.pulsevault.catalog;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The deployment's {@link VideoRepository}: meta.json under the configured video directory, indexed for the catalog. */
@ApplicationScoped
public class VideoRepositoryProducer {

    @Inject
    VaultConfig config;
    @Inject
    CatalogIndex index;
    @Inject
    CatalogReconciler reconciler;

    @Produces
    @ApplicationScoped
    VideoRepository videos() {
        return new IndexedVideoRepository(new MetaJsonVideoRepository(config.settings().videoDir()), index::put,
                reconciler::markBehind);
    }
}
