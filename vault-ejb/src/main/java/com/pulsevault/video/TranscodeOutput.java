package com.pulsevault.video;

import java.util.List;

/**
 * What a finished transcode produced, paths relative to the video's directory.
 *
 * @param duration seconds of the source
 */
public record TranscodeOutput(double duration, int width, int height, List<Rendition> renditions, String hls, String dash,
                              String poster, Timings timings) {

    public TranscodeOutput {
        renditions = List.copyOf(renditions);
    }

    /** How long each step took, for operators tuning the ladder. */
    public record Timings(long probeMs, long ladderMs, long posterMs) {
    }
}
