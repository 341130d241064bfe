package io.parameterportal.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Local mode's demo sign-in has known passwords: it must not be reachable from other machines by accident. */
final class LoopbackGuard {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private LoopbackGuard() {
    }

    /** @throws IllegalStateException when {@code host} is not a loopback address and remote access is not forced */
    static void requireLoopback(String host, boolean allowRemote) {
        if (allowRemote || isLoopback(host)) {
            return;
        }
        throw new IllegalStateException("PORTAL_MODE=local serves a demo sign-in with known passwords and stand-in AWS "
                + "services, so it listens only on loopback, but quarkus.http.host is " + host + ". Set "
                + "QUARKUS_HTTP_HOST=127.0.0.1 (the prod profile, e.g. PORTAL_MODE=local java -jar, binds 0.0.0.0 by default), "
                + "or set PORTAL_LOCAL_ALLOW_REMOTE=true to expose local mode anyway (requests must then name a loopback "
                + "host or one of PORTAL_LOCAL_ALLOWED_HOSTS).");
    }

    /**
     * Whether a request's Host (without port) is one local mode answers: a loopback name, or one of
     * {@code allowedHosts} (lower case), whatever the bind address.
     */
    static boolean admits(String host, Set<String> allowedHosts) {
        return isLoopback(host) || host != null && allowedHosts.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    /** Judged without DNS: only {@code localhost} and loopback address literals count. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String address = host.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(address).matches()) {
            return true;
        }
        if (!address.contains(":")) {
            return false;
        }
        try {
            // A text with a colon is parsed as an IPv6 literal, never looked up.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
