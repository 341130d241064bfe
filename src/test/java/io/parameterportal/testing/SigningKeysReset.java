package io.parameterportal.testing;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.token.SigningKeys;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * Puts the running app's {@link SigningKeys} back to its state at start: no keys held, a fetch due. Destroys the
 * application-scoped instance, so the next use through any injection point creates a new one; cheaper than an
 * application start of its own, and the key source's own rules are tested without Quarkus ({@code SigningKeysTest}).
 */
public final class SigningKeysReset {

    private SigningKeysReset() {
    }

    public static void forgetKeys() {
        ArcContainer arc = Arc.container();
        arc.getActiveContext(ApplicationScoped.class).destroy(arc.instance(SigningKeys.class).getBean());
    }
}
