package com.pulsevault.web.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which paths outside the API are the console's files, and the headers they are served with. The
 * console is a static page that signs in on its own (no server-side session) and talks only to the API
 * and the issuer: its Content-Security-Policy allows nothing else, no inline script, no other host.
 */
public final class ConsoleFiles {

    /** The page itself, and the two folders of the build: the console's own code and the pinned libraries. */
    private static final Pattern FILE = Pattern.compile("/(app|vendor)(/[a-z0-9][a-z0-9-]*)*/[a-z0-9][a-z0-9.-]*\\.(js|css|svg|png|ico)");

    private ConsoleFiles() {
    }

    /**
     * @param path the path under the context root, decoded and normalised by the container
     * @return the file in the web module to serve for it, or empty when it is none of the console's
     */
    public static Optional<String> fileFor(String path) {
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            return Optional.of("/index.html");
        }
        if (FILE.matcher(path).matches() && !path.contains("..")) {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    /**
     * The headers of every console file.
     *
     * @param issuer the OpenID Connect issuer the console signs in at (its origin may be fetched: discovery, token refresh)
     */
    public static Map<String, String> headers(String issuer) {
        String idp = origin(issuer).map(o -> " " + o).orElse("");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
                + " media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'" + idp + "; form-action 'self';"
                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer"); // a video id in a route is not for other hosts either
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cache-Control", "no-cache"); // revalidated: an upgraded EAR is seen at the next load
        return h;
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL. */
    static Optional<String> origin(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                return Optional.empty();
            }
            return Optional.of(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
