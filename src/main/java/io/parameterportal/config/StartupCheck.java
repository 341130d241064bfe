package io.parameterportal.config;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Resolves the settings at start, so that a deployment missing one stops at once with a message naming it. */
class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class);

    void check(@Observes StartupEvent start, PortalSettings settings) {
        LOG.infof("Parameter Portal in %s mode: user pool %s, client %s, identity pool %s, parameter %s%s",
                settings.config().mode().name().toLowerCase(), settings.userPoolId(), settings.clientId(),
                settings.identityPoolId(), settings.parameterName(),
                settings.localMode() ? "" : settings.awsEndpoint().map(endpoint -> ", AWS endpoint " + endpoint).orElse(""));
    }
}
