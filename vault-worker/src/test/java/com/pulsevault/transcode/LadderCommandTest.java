package com.pulsevault.transcode;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LadderCommandTest {

    static final List<Rung> TWO = List.of(new Rung("240p", 240, 400), new Rung("720p", 720, 2800));

    static List<String> command(MediaProbe probe) {
        return LadderCommand.arguments(Path.of("/m/v/original.mp4"), probe, TWO, 4, 0, Path.of("/m/v/.t/stream"));
    }

    @Test
    void oneInputIsDecodedOnceAndSplitIntoOneScalerPerRung() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, true));
        assertEquals(1, a.stream().filter("-i"::equals).count());
        assertEquals("[0:v]split=2[s0][s1];[s0]scale=-2:240[v0];[s1]scale=-2:720[v1]", a.get(a.indexOf("-filter_complex") + 1));
    }

    @Test
    void portraitScalesTheWidthSoTheShortSideMatchesTheRung() {
        List<String> a = command(new MediaProbe("mov", 10, 1080, 1920, true));
        assertTrue(a.get(a.indexOf("-filter_complex") + 1).contains("[s0]scale=240:-2[v0]"));
    }

    @Test
    void keyframesAreForcedOntoSegmentBoundaries() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, true));
        assertEquals("expr:gte(t,n_forced*4)", a.get(a.indexOf("-force_key_frames") + 1));
        assertEquals("0", a.get(a.indexOf("-sc_threshold") + 1));
        assertEquals("4", a.get(a.indexOf("-seg_duration") + 1));
    }

    @Test
    void inputsAreReadOnlyAsLocalFilesOfRealContainerFormats() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, true));
        assertEquals("file", a.get(a.indexOf("-protocol_whitelist") + 1));
        assertFalse(a.get(a.indexOf("-format_whitelist") + 1).contains("hls"));
        assertFalse(a.get(a.indexOf("-format_whitelist") + 1).contains("concat"));
    }

    @Test
    void aSilentSourceGetsNoAudioMapNorAudioAdaptationSet() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, false));
        assertFalse(a.contains("0:a:0"));
        assertEquals("id=0,streams=v", a.get(a.indexOf("-adaptation_sets") + 1));
    }

    @Test
    void sourceMetadataIsNotCopiedIntoTheRenditions() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, true));
        assertEquals("-1", a.get(a.indexOf("-map_metadata") + 1));
    }

    @Test
    void oneSetOfSegmentsServesBothHlsAndDash() {
        List<String> a = command(new MediaProbe("mov", 10, 1920, 1080, true));
        assertEquals("dash", a.get(a.indexOf("-f") + 1));
        assertEquals("1", a.get(a.indexOf("-hls_playlist") + 1));
        assertEquals("/m/v/.t/stream/manifest.mpd", a.get(a.size() - 1));
    }
}
