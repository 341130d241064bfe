package io.parameterportal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 written by hand on a socket: for requests an HTTP client would not send as written (odd
 * paths it would normalize, a foreign Host, a body that never arrives).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} as is and reads the answer until the server closes, within {@code patience}. */
    public static String exchange(int port, String request, Duration patience) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(Math.toIntExact(patience.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends {@code request} as is and closes the connection at once, reading nothing: a client that leaves. */
    public static void sendAndLeave(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /**
     * Sends {@code request} as is and keeps the connection open, reading nothing, until the returned socket is
     * closed: a client that leaves when the test says so.
     */
    public static Socket send(int port, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** A POST of {@code json} to {@code path}, whole, as a browser's fetch sends it. */
    public static String postJson(String path, String json) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** A GET of {@code path} with the given Host header, asking the server to close afterwards. */
    public static String get(int port, String path, String host) throws IOException {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", Duration.ofSeconds(10));
    }
}
