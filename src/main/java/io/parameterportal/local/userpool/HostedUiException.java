package io.parameterportal.local.userpool;

/** A sign-in or sign-out request the hosted UI refuses: shown as an error page, never redirected. */
class HostedUiException extends RuntimeException {

    HostedUiException(String message) {
        super(message, null, false, false);
    }
}
