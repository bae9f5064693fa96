package com.pulsevault.transcode;

import com.pulsevault.settings.SettingsException;
import com.pulsevault.settings.VaultSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The configured rungs, and the ones a given source gets: never above the source, at least one. */
public final class Ladder {

    private static final Map<String, Rung> KNOWN = Map.of(
            "240p", new Rung("240p", 240, 400),
            "360p", new Rung("360p", 360, 800),
            "480p", new Rung("480p", 480, 1400),
            "720p", new Rung("720p", 720, 2800),
            "1080p", new Rung("1080p", 1080, 5000),
            "1440p", new Rung("1440p", 1440, 8000),
            "2160p", new Rung("2160p", 2160, 14000));

    private final List<Rung> rungs;

    private Ladder(List<Rung> rungs) {
        this.rungs = rungs;
    }

    /** @throws SettingsException for a rung name that is not one of 240p … 2160p */
    public static Ladder of(List<String> names) {
        List<Rung> rungs = new ArrayList<>();
        for (String name : names) {
            Rung rung = KNOWN.get(name.toLowerCase());
            if (rung == null) {
                throw new SettingsException(VaultSettings.RENDITIONS, "names an unknown rendition '" + name
                        + "'; use some of " + String.join(",", KNOWN.keySet().stream().sorted().toList()));
            }
            rungs.add(rung);
        }
        if (rungs.isEmpty()) {
            throw new SettingsException(VaultSettings.RENDITIONS, "names no rendition");
        }
        rungs.sort(Comparator.comparingInt(Rung::shortSide));
        return new Ladder(List.copyOf(rungs));
    }

    /**
     * Rungs chosen on the short side, so portrait 1080x1920 gets 1080p…240p; none taller than the
     * source. A source smaller than every rung gets one rung at its own size.
     */
    public List<Rung> forSource(int width, int height) {
        int shortSide = Math.min(width, height);
        List<Rung> fit = rungs.stream().filter(r -> r.shortSide() <= shortSide).toList();
        if (!fit.isEmpty()) {
            return fit;
        }
        Rung smallest = rungs.get(0);
        int even = shortSide - shortSide % 2;
        long kbps = Math.max(100, (long) smallest.videoKbps() * even / smallest.shortSide());
        return List.of(new Rung(even + "p", even, (int) kbps));
    }
}
