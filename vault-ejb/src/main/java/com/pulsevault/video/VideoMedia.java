package com.pulsevault.video;

import java.io.IOException;

/** Where a video's media files (the original, the stream, the poster) live, apart from its record. */
public interface VideoMedia {

    /** Removes every media file of the video, durably; its record stays. Removing what is gone is no error. */
    void remove(VideoId id) throws IOException;
}
