package com.pulsevault.transcode;

import java.util.List;

/** What one successful transcode produced, for meta.json. Paths are relative to the video's directory. */
public record TranscodeResult(MediaProbe source, List<Rendition> renditions, String hls, String dash, String poster,
                              long probeMillis, long ladderMillis, long posterMillis) {

    /** @param playlist the rung's HLS media playlist */
    public record Rendition(String name, int width, int height, long bandwidth, String codecs, String playlist) {
    }
}
