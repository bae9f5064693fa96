package com.pulsevault.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a ladder's manifest at a playback-session base URL, so that every media playlist, init segment
 * and segment a player fetches carries a token that lasts the whole video, while the signed URL that
 * opened the manifest still expires on time. Media playlists need no rewrite: their relative URIs
 * resolve under the session base they were fetched from.
 */
public final class ManifestRewriter {

    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]+)\"");

    private ManifestRewriter() {
    }

    /** @param base absolute URL of the ladder directory under the session token, ending in "/" */
    public static String rewrite(String path, String manifest, String base) {
        return path.endsWith(".mpd") ? rewriteMpd(manifest, base) : rewriteMasterPlaylist(manifest, base);
    }

    static String rewriteMasterPlaylist(String playlist, String base) {
        StringBuilder out = new StringBuilder();
        for (String line : playlist.split("\n", -1)) {
            if (line.isBlank()) {
                out.append(line);
            } else if (line.startsWith("#")) {
                Matcher m = URI_ATTRIBUTE.matcher(line);
                out.append(m.replaceAll(r -> Matcher.quoteReplacement("URI=\"" + absolute(base, r.group(1)) + "\"")));
            } else {
                out.append(absolute(base, line.trim()));
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    static String rewriteMpd(String mpd, String base) {
        int period = mpd.indexOf("<Period");
        if (period < 0) {
            return mpd;
        }
        return mpd.substring(0, period) + "<BaseURL>" + base.replace("&", "&amp;") + "</BaseURL>\n\t" + mpd.substring(period);
    }

    private static String absolute(String base, String uri) {
        return uri.contains("://") || uri.startsWith("/") ? uri : base + uri;
    }
}
