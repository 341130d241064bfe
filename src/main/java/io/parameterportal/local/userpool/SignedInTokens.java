package io.parameterportal.local.userpool;

import java.time.Duration;

/** What the hosted UI hands the app after a sign-in (implicit grant). */
record SignedInTokens(String idToken, String accessToken, Duration expiresIn) {

    /** Leaves the tokens out, so that a logged value never carries them. */
    @Override
    public String toString() {
        return "SignedInTokens[expiresIn=" + expiresIn + "]";
    }
}
