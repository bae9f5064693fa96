package com.pulsevault.transcode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MasterPlaylistTest {

    @Test
    void variantsAreReadInRungOrderWithTheirPlaylists() {
        List<String> master = List.of("#EXTM3U", "#EXT-X-VERSION:7",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"group_A1\",NAME=\"audio_2\",DEFAULT=YES,URI=\"media_2.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=532925,RESOLUTION=426x240,CODECS=\"avc1.640015,mp4a.40.2\",AUDIO=\"group_A1\"",
                "media_0.m3u8", "",
                "#EXT-X-STREAM-INF:BANDWIDTH=2932925,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\",AUDIO=\"group_A1\"",
                "media_1.m3u8");
        List<TranscodeResult.Rendition> r = MasterPlaylist.variants(master, LadderCommandTest.TWO, "stream/");
        assertEquals(2, r.size());
        assertEquals(new TranscodeResult.Rendition("240p", 426, 240, 532925, "avc1.640015,mp4a.40.2", "stream/media_0.m3u8"), r.get(0));
        assertEquals("720p", r.get(1).name());
        assertEquals(1280, r.get(1).width());
    }
}
