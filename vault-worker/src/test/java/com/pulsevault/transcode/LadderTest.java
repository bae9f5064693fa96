package com.pulsevault.transcode;

import com.pulsevault.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LadderTest {

    static final Ladder DEFAULT = Ladder.of(List.of("240p", "360p", "480p", "720p", "1080p"));

    @Test
    void aFullHdSourceGetsEveryRung() {
        assertEquals(List.of(240, 360, 480, 720, 1080), sides(DEFAULT.forSource(1920, 1080)));
    }

    @Test
    void rungsAreChosenOnTheShortSideSoPortraitGetsTheSameLadder() {
        assertEquals(List.of(240, 360, 480, 720, 1080), sides(DEFAULT.forSource(1080, 1920)));
    }

    @Test
    void nothingIsUpscaled() {
        assertEquals(List.of(240, 360, 480), sides(DEFAULT.forSource(854, 480)));
        assertEquals(List.of(240, 360, 480, 720), sides(DEFAULT.forSource(1280, 1000)));
    }

    @Test
    void aSourceBelowEveryRungGetsOneRungAtItsOwnEvenSize() {
        List<Rung> rungs = DEFAULT.forSource(357, 201);
        assertEquals(1, rungs.size());
        assertEquals(200, rungs.get(0).shortSide());
        assertEquals("200p", rungs.get(0).name());
    }

    @Test
    void configuredRungsMayComeInAnyOrder() {
        assertEquals(List.of(360, 720), sides(Ladder.of(List.of("720p", "360p")).forSource(1920, 1080)));
    }

    @Test
    void anUnknownRungNameIsAConfigurationErrorNamingTheProperty() {
        SettingsException e = assertThrows(SettingsException.class, () -> Ladder.of(List.of("720p", "4k")));
        assertEquals("pulsevault.renditions", e.property());
    }

    static List<Integer> sides(List<Rung> rungs) {
        return rungs.stream().map(Rung::shortSide).toList();
    }
}
