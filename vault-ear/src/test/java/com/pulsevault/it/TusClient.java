package com.pulsevault.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tus requests the tests make, spelled out so each test shows the protocol it exercises. */
public final class TusClient {

    public static final String TUS = "1.0.0";
    public static final String OCTETS = "application/offset+octet-stream";

    private TusClient() {
    }

    public static HttpResponse<String> create(long length, String... extraHeaders) {
        return Http.send("POST", "uploads", null, with(extraHeaders, "Tus-Resumable", TUS, "Upload-Length", String.valueOf(length)));
    }

    /** Creates an upload and returns its absolute URL. */
    public static String createdUpload(long length) {
        HttpResponse<String> r = create(length);
        assertEquals(201, r.statusCode(), r::body);
        return Http.header(r, "Location");
    }

    public static HttpResponse<String> patch(String url, long offset, byte[] chunk, String... extraHeaders) {
        return Http.send("PATCH", url, chunk, with(extraHeaders, "Tus-Resumable", TUS, "Upload-Offset", String.valueOf(offset),
                "Content-Type", OCTETS));
    }

    public static HttpResponse<String> head(String url) {
        return Http.send("HEAD", url, null, "Tus-Resumable", TUS);
    }

    public static long offset(String url) {
        HttpResponse<String> r = head(url);
        assertEquals(200, r.statusCode());
        return Long.parseLong(Http.header(r, "Upload-Offset"));
    }

    /** Uploads the whole content in chunks of {@code chunkSize}; returns the upload's URL. */
    public static String upload(byte[] content, int chunkSize) {
        String url = createdUpload(content.length);
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize));
            HttpResponse<String> r = patch(url, offset, chunk);
            assertEquals(204, r.statusCode(), r::body);
        }
        return url;
    }

    public static String idOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String[] with(String[] extra, String... base) {
        List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(extra));
        return all.toArray(String[]::new);
    }
}
