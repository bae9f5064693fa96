package com.pulsevault.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestRewriterTest {

    static final String BASE = "https://vault/pulsevault/api/v1/media/t/SESSION/videos/v/stream/";

    @Test
    void everyUriOfAMasterPlaylistPointsUnderTheSessionBase() {
        String master = "#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"media_2.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=426x240,CODECS=\"avc1\"\nmedia_0.m3u8\n";
        String out = ManifestRewriter.rewrite("stream/master.m3u8", master, BASE);
        assertEquals("#EXTM3U\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",URI=\"" + BASE + "media_2.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=426x240,CODECS=\"avc1\"\n" + BASE + "media_0.m3u8\n", out);
    }

    @Test
    void anMpdGetsABaseUrlBeforeItsPeriod() {
        String mpd = "<?xml version=\"1.0\"?>\n<MPD>\n\t<Period id=\"0\"></Period>\n</MPD>\n";
        String out = ManifestRewriter.rewrite("stream/manifest.mpd", mpd, BASE);
        assertTrue(out.contains("<BaseURL>" + BASE + "</BaseURL>\n\t<Period"), out);
    }
}
