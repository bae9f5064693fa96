package com.pulsevault.catalog;

import com.pulsevault.events.VideoEvents;
import com.pulsevault.video.Video;
import com.pulsevault.video.VideoId;
import com.pulsevault.video.VideoRepository;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** Tells {@link VideoEvents} of every stored change, after it is durable: finalize, transcode, edit, deletion. */
public class PublishingVideoRepository implements VideoRepository {

    private final VideoRepository delegate;
    private final VideoEvents events;

    public PublishingVideoRepository(VideoRepository delegate, VideoEvents events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public Video get(VideoId id) {
        return delegate.get(id);
    }

    @Override
    public Optional<Video> find(VideoId id) {
        return delegate.find(id);
    }

    @Override
    public Video create(Video video) {
        Video created = delegate.create(video);
        events.created(created);
        return created;
    }

    @Override
    public Video update(VideoId id, UnaryOperator<Video> change) {
        AtomicReference<Video> before = new AtomicReference<>();
        Video after = delegate.update(id, v -> {
            before.set(v); // the last one the store applied the change to (it may retry)
            return change.apply(v);
        });
        events.changed(before.get(), after);
        return after;
    }
}
