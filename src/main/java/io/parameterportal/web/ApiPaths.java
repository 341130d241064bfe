package io.parameterportal.web;

/**
 * Where the JSON API lives (docs/api.md): its requests are judged as API calls — the same-origin check of the
 * code flow's POSTs ({@link SameOriginPosts}), the session read without a sign-in redirect
 * ({@code session/SessionApiIdentity}).
 */
public final class ApiPaths {

    private static final String PREFIX = "/api/";

    private ApiPaths() {
    }

    /** Whether {@code path}, a request's path, is one of the API's. */
    public static boolean isApi(String path) {
        return path.startsWith(PREFIX);
    }
}
