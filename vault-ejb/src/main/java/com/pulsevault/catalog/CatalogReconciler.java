package com.pulsevault.catalog;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.health.CatalogIndexState;
import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoMedia;
import com.pulsevault.video.VideoStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Brings the catalog index up to the meta.json files: at start (in the background: the server's own H2
 * may be in memory, so the index can be empty after every restart), whenever an index write failed,
 * and on an operator's request (a rebuild from scratch). Only versions the index does not have yet are
 * copied, so a pass over an index in step reads the files and writes nothing.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogReconciler {

    private static final Logger LOG = Logger.getLogger(CatalogReconciler.class.getName());
    /** How often a catalog marked behind is caught up. */
    static final long RETRY_SECONDS = 10;
    /** Videos new to the index written in one transaction. */
    static final int BATCH = 200;

    @Inject
    VaultConfig config;
    @Inject
    CatalogIndex index;
    @Inject
    CatalogIndexState state;
    @Inject
    VideoMedia media;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean clearFirst = new AtomicBoolean(false);
    private final Object passLock = new Object();
    private ScheduledFuture<?> periodic;

    @PostConstruct
    void start() {
        periodic = scheduler.scheduleWithFixedDelay(this::catchUpIfBehind, 0, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        periodic.cancel(false);
    }

    /** An index write failed: the next pass copies what it missed. */
    public void markBehind() {
        state.markBehind();
    }

    /** Empties the index and fills it again from the files, now, in the background. */
    public void rebuild() {
        clearFirst.set(true);
        state.markBehind();
        scheduler.execute(this::catchUpIfBehind);
    }

    private void catchUpIfBehind() {
        synchronized (passLock) {
            if (!state.takeBehind()) {
                return;
            }
            state.running(true);
            try {
                if (clearFirst.getAndSet(false)) {
                    index.clear();
                }
                pass();
            } catch (RuntimeException | IOException e) {
                state.markBehind(); // the datasource is not there yet, or went away: try again later
                LOG.warning("The catalog index could not be brought up to date; retrying in " + RETRY_SECONDS + " s: "
                        + e.getClass().getSimpleName());
            } finally {
                state.running(false);
            }
        }
    }

    private void pass() throws IOException {
        long started = System.nanoTime();
        Path videoDir = config.settings().videoDir();
        MetaJsonVideoRepository files = new MetaJsonVideoRepository(videoDir);
        Map<String, Long> indexed = index.versions();
        int copied = 0;
        int seen = 0;
        int failed = 0;
        java.util.List<Video> fresh = new java.util.ArrayList<>();
        java.util.Set<String> gone = new java.util.HashSet<>(indexed.keySet());
        try (Stream<Path> dirs = Files.exists(videoDir) ? Files.list(videoDir) : Stream.empty()) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String id = dir.getFileName().toString();
                if (!VideoId.isValid(id) || !Files.exists(dir.resolve("meta.json"))) {
                    continue;
                }
                seen++;
                gone.remove(id);
                Video video;
                try {
                    video = files.get(new VideoId(id));
                } catch (RuntimeException unreadable) { // corrupt or half-written: the verifier and operators see it
                    LOG.warning("Catalog: video " + id + " has no readable meta.json; not indexed");
                    continue;
                }
                try {
                    if (video.status() == VideoStatus.DELETED) {
                        media.remove(video.id()); // a deletion a crash interrupted: the tombstone is there, files may be too
                    }
                    Long at = indexed.get(id);
                    if (at == null) {
                        fresh.add(video); // not in the index at all: batched
                        if (fresh.size() == BATCH) {
                            int lost = index.putNew(fresh);
                            failed += lost;
                            copied += fresh.size() - lost;
                            fresh.clear();
                        }
                    } else if (at < video.version()) {
                        index.put(video);
                        copied++;
                    }
                } catch (IOException | RuntimeException one) { // one video must not hold up all after it
                    failed++;
                    LOG.warning("Catalog: video " + id + " could not be indexed (" + one.getClass().getSimpleName() + "); retried later");
                }
            }
        }
        int lost = index.putNew(fresh);
        failed += lost;
        copied += fresh.size() - lost;
        index.remove(gone); // listed in the index, but no meta.json any more: not a video of this vault
        if (failed > 0) {
            state.markBehind(); // the next pass tries those again
        }
        LOG.info("Catalog index up to date: " + copied + " of " + seen + " videos copied, " + gone.size() + " removed, in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }
}
