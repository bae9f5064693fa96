package com.pulsevault.catalog;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.health.CatalogIndexState;
import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoMedia;
import com.pulsevault.video.VideoNotFoundException;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
    /**
     * Chunks of meta.json read ahead of the index writes, each on its own thread: reading files that are
     * not in the page cache waits on the disk, which serves several reads at once.
     */
    static final int READERS = 4;

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
    @Resource
    ManagedExecutorService readers;

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
        List<VideoId> ids = videoIds(videoDir);
        Set<String> gone = new HashSet<>(indexed.keySet());
        ids.forEach(id -> gone.remove(id.value()));
        int copied = 0;
        int failed = 0;
        // Reading meta.json (a disk read and a checksum each) and committing a batch wait on different
        // things: READERS chunks are read ahead while this thread writes the one before.
        Deque<Future<List<Video>>> ahead = new ArrayDeque<>();
        int next = readAhead(files, ids, 0, ahead);
        while (!ahead.isEmpty()) {
            List<Video> chunk = await(ahead.poll());
            next = readAhead(files, ids, next, ahead);
            List<Video> fresh = new ArrayList<>();
            for (Video video : chunk) {
                try {
                    if (video.status() == VideoStatus.DELETED) {
                        media.remove(video.id()); // a deletion a crash interrupted: the tombstone is there, files may be too
                    }
                    Long at = indexed.get(video.id().value());
                    if (at == null) {
                        fresh.add(video); // not in the index at all: batched
                    } else if (at < video.version()) {
                        index.put(video);
                        copied++;
                    }
                } catch (IOException | RuntimeException one) { // one video must not hold up all after it
                    failed++;
                    LOG.warning("Catalog: video " + video.id().value() + " could not be indexed (" + one.getClass().getSimpleName() + "); retried later");
                }
            }
            int lost = index.putNew(fresh);
            failed += lost;
            copied += fresh.size() - lost;
        }
        index.remove(gone); // listed in the index, but no meta.json any more: not a video of this vault
        if (failed > 0) {
            state.markBehind(); // the next pass tries those again
        }
        LOG.info("Catalog index up to date: " + copied + " of " + ids.size() + " videos copied, " + gone.size() + " removed, in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** Starts reading chunks from {@code next} on until READERS are under way; returns where the next chunk starts. */
    private int readAhead(MetaJsonVideoRepository files, List<VideoId> ids, int next, Deque<Future<List<Video>>> ahead) {
        while (ahead.size() < READERS && next < ids.size()) {
            List<VideoId> chunk = ids.subList(next, Math.min(next + BATCH, ids.size()));
            ahead.add(readers.submit(() -> read(files, chunk)));
            next += chunk.size();
        }
        return next;
    }

    /** The videos of the media root: directories named like a video id that hold a meta.json. */
    private static List<VideoId> videoIds(Path videoDir) throws IOException {
        if (!Files.exists(videoDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(videoDir)) {
            return dirs.map(dir -> dir.getFileName().toString())
                    .filter(id -> VideoId.isValid(id) && Files.exists(videoDir.resolve(id).resolve("meta.json")))
                    .map(VideoId::new)
                    .toList();
        }
    }

    private static List<Video> read(MetaJsonVideoRepository files, List<VideoId> chunk) {
        List<Video> videos = new ArrayList<>(chunk.size());
        for (VideoId id : chunk) {
            try {
                videos.add(files.get(id));
            } catch (VideoNotFoundException removed) { // deleted since the listing: nothing to index
            } catch (RuntimeException unreadable) { // corrupt or half-written: the verifier and operators see it
                LOG.warning("Catalog: video " + id.value() + " has no readable meta.json; not indexed");
            }
        }
        return videos;
    }

    private static List<Video> await(Future<List<Video>> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("catalog pass interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("reading meta.json failed", e.getCause());
        }
    }
}
