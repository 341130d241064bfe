package io.parameterportal.web;

import io.parameterportal.identity.RoleChoice;
import io.parameterportal.token.VerifiedIdToken;

/** The caller of an API request once their id token passed: who they are and the role they act as. */
record SignedInUser(VerifiedIdToken token, RoleChoice role) {

    String name() {
        return token.displayName();
    }
}
