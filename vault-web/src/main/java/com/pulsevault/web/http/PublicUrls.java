package com.pulsevault.web.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Absolute URLs as the client sees the vault. Behind a reverse proxy, and only when
 * {@code pulsevault.http.trust-forwarded-headers} is on, {@code X-Forwarded-Proto}, {@code -Host} and
 * {@code -Prefix} replace what the app server saw; values that are not a plain scheme, host or path are ignored.
 */
public final class PublicUrls {

    private static final Pattern PROTO = Pattern.compile("https?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)+/?");

    private PublicUrls() {
    }

    /** The absolute URL of {@code relativePath} under the JAX-RS application path (e.g. "uploads/<id>"). */
    public static String of(UriInfo uri, HttpHeaders headers, boolean trustForwarded, String relativePath) {
        return of(uri.getBaseUri(), headers::getHeaderString, trustForwarded, relativePath);
    }

    static String of(URI base, Function<String, String> headers, boolean trustForwarded, String relativePath) {
        String scheme = base.getScheme();
        String authority = base.getRawAuthority();
        String path = base.getRawPath();
        if (trustForwarded) {
            String proto = first(headers.apply("X-Forwarded-Proto"));
            String host = first(headers.apply("X-Forwarded-Host"));
            String prefix = first(headers.apply("X-Forwarded-Prefix"));
            if (proto != null && PROTO.matcher(proto).matches()) {
                scheme = proto;
            }
            if (host != null && HOST.matcher(host).matches()) {
                authority = host;
            }
            if (prefix != null && PREFIX.matcher(prefix).matches()) {
                path = prefix.replaceAll("/$", "") + path;
            }
        }
        if (!path.endsWith("/")) {
            path += "/";
        }
        return scheme + "://" + authority + path + relativePath;
    }

    /** Proxies append to these headers; the first value is the one the client sent to the outermost proxy. */
    static String first(String header) {
        if (header == null) {
            return null;
        }
        String v = header.split(",")[0].trim();
        return v.isEmpty() ? null : v;
    }
}
