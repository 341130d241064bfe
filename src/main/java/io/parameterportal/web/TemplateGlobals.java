package io.parameterportal.web;

import io.parameterportal.config.PortalConfig;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Values every page template may use without each page passing them on. */
class TemplateGlobals {

    private TemplateGlobals() {
    }

    /** Every page carries the local-mode banner while the app serves local mode's demo sign-in and stand-ins. */
    @TemplateGlobal
    static boolean localMode() {
        return Arc.container().instance(PortalConfig.class).get().localMode();
    }
}
