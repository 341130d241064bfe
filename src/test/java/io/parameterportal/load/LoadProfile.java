package io.parameterportal.load;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Local mode with {@link #USERS} demo users, and a credential cache smaller than the crowd, so
 * that the load also proves the cache stays bounded while it churns (each miss trades the token
 * again at the local identity pool).
 */
public class LoadProfile implements QuarkusTestProfile {

    static final int USERS = 200;
    static final int CACHE_SIZE = 50;

    static String username(int i) {
        return "load-user-" + i;
    }

    static String password(int i) {
        return "load-password-" + i;
    }

    static String displayName(int i) {
        return "Load User " + i;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            String user = "portal.local.users.\"" + username(i) + "\".";
            config.put(user + "password", password(i));
            config.put(user + "name", displayName(i));
            config.put(user + "email", username(i) + "@example.com");
        }
        config.put("portal.credential-cache.max-size", String.valueOf(CACHE_SIZE));
        return config;
    }
}
