package com.pulsevault.catalog;

import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoRepository;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The meta.json repository with the catalog index kept in step: after each durable write the index
 * gets the new state. An index that cannot take it does not fail the write (the file is the truth);
 * {@code onIndexFailure} marks the catalog behind, and the reconciler copies what is missing.
 */
public class IndexedVideoRepository implements VideoRepository {

    private final VideoRepository files;
    private final Consumer<Video> index;
    private final Runnable onIndexFailure;

    public IndexedVideoRepository(VideoRepository files, Consumer<Video> index, Runnable onIndexFailure) {
        this.files = files;
        this.index = index;
        this.onIndexFailure = onIndexFailure;
    }

    @Override
    public Video get(VideoId id) {
        return files.get(id);
    }

    @Override
    public Optional<Video> find(VideoId id) {
        return files.find(id);
    }

    @Override
    public Video create(Video video) {
        return indexed(files.create(video));
    }

    @Override
    public Video update(VideoId id, UnaryOperator<Video> change) {
        return indexed(files.update(id, change));
    }

    private Video indexed(Video written) {
        try {
            index.accept(written);
        } catch (RuntimeException e) { // the datasource is down, full, or slow: the video is stored all the same
            onIndexFailure.run();
        }
        return written;
    }
}
