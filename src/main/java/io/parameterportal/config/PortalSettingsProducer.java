package io.parameterportal.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

class PortalSettingsProducer {

    @Produces
    @Singleton
    PortalSettings settings(PortalConfig config) {
        // Local mode's stand-ins are served by this very process, so its SDK clients call its own port.
        // Read when they are built, after the server listens: a random port (tests) is known only then.
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        return PortalSettings.resolve(config, () -> ConfigProvider.getConfig().getValue(portKey, Integer.class));
    }
}
