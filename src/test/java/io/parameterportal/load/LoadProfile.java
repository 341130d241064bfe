package io.parameterportal.load;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Local mode with {@link #USERS} users, every other one in the group {@code ops} (as the demo users
 * {@code demo} and {@code ops}: the ops role lists /portal/ops, SecureString included; the default role is
 * denied it), and a credential cache smaller than the crowd, so that the load also proves the cache stays
 * bounded while it churns (each miss trades the token again at the local identity pool).
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

    static boolean ops(int i) {
        return i % 2 == 1;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < USERS; i++) {
            String user = "portal.local.users.\"" + username(i) + "\".";
            config.put(user + "password", password(i));
            config.put(user + "name", displayName(i));
            config.put(user + "email", username(i) + "@example.com");
            if (ops(i)) {
                config.put(user + "groups", "ops");
            }
        }
        config.put("portal.credential-cache.max-size", String.valueOf(CACHE_SIZE));
        return config;
    }
}
