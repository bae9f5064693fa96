package com.pulsevault.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP on a bare socket, for what a well-behaved client library will not do: cut a body off
 * mid-way, send it slowly, or send a request line with a raw, unnormalised path.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    public RawHttp() throws IOException {
        socket = new Socket("127.0.0.1", Integer.parseInt(Http.PORT));
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
    }

    /**
     * Sends the request line and headers; {@code headers} are full "Name: value" lines. An API path gets
     * the tests' operator token unless an Authorization line is among the headers.
     */
    public RawHttp start(String method, String path, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(Http.PORT).append("\r\n");
        boolean authorization = false;
        for (String h : headers) {
            sb.append(h).append("\r\n");
            authorization |= h.regionMatches(true, 0, "Authorization:", 0, 14);
        }
        if (!authorization && Http.needsToken("http://x" + path)) {
            sb.append("Authorization: ").append(Tokens.bearer(Tokens.OPERATOR)).append("\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    public RawHttp body(byte[] bytes, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
        out.flush();
        return this;
    }

    /** Reads the status line and headers of the response. */
    public String responseHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A whole response of a server that closes the connection after it (send "Connection: close"). */
    public record Response(int status, String head, String body) {
    }

    public Response response() throws IOException {
        String head = responseHead();
        String body = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Response(status(head), head, body);
    }

    public static int status(String responseHead) {
        return Integer.parseInt(responseHead.split(" ")[1]);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
