package io.parameterportal.config;

import java.net.URI;

/** The app's public URL and the hosted UI are origins: paths are appended to them, so they carry none of their own. */
public final class Origins {

    private Origins() {
    }

    /** {@code url} as text without its trailing slash, ready for a path to be appended. */
    public static String withoutTrailingSlash(Object url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether {@code url} is an http(s) origin: scheme, host and optional port, at most a bare {@code /} as path. */
    static boolean isOrigin(URI url) {
        return ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null
                && (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
    }
}
