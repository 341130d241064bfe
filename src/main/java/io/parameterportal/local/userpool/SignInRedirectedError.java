package io.parameterportal.local.userpool;

/**
 * A sign-in the hosted UI refuses by sending the browser back to the app with {@code ?error=…}, as Cognito does
 * once the client and the redirect URI are known to be good (e.g. {@code error=invalid_request} for a PKCE
 * challenge other than S256). Client or redirect URI problems are {@link HostedUiException}s: an error page.
 */
class SignInRedirectedError extends RuntimeException {

    private final String location;

    SignInRedirectedError(String location) {
        super("sign-in refused with a redirect", null, false, false);
        this.location = location;
    }

    String location() {
        return location;
    }
}
