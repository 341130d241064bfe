package io.parameterportal.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;

class PortalSettingsProducer {

    @Produces
    @Singleton
    PortalSettings settings(PortalConfig config,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.http.test-port") int testPort) {
        // Local mode's stand-ins are served by this very process, so the SDK clients call its own port.
        int localPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
        return PortalSettings.resolve(config, localPort);
    }
}
