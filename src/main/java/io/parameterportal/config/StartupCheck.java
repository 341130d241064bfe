package io.parameterportal.config;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Resolves the settings at start, so that a deployment missing one stops at once with a message naming it
 * ({@link PortalConfigParts#requireComplete}).
 */
class StartupCheck {

    private static final Logger LOG = Logger.getLogger(StartupCheck.class);

    void check(@Observes StartupEvent start, PortalConfig config, CognitoPool pool, ParameterScope parameters,
            SessionSecret sessionSecret) {
        LOG.infof("Parameter Portal in %s mode: user pool %s, client %s, identity pool %s, parameter %s%s",
                config.mode().name().toLowerCase(), pool.userPoolId(), pool.clientId(), pool.identityPoolId(), parameters.seed(),
                config.mode() == PortalConfig.Mode.AWS ? config.awsEndpoint().map(endpoint -> ", AWS endpoint " + endpoint).orElse("") : "");
    }
}
