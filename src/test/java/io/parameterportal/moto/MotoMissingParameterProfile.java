package io.parameterportal.moto;

import java.util.List;
import java.util.Map;

/**
 * The portal against moto, told to show a parameter that moto does not have: everything else
 * (pools, user, identity pool) is seeded as usual, so the request gets as far as SSM.
 */
public class MotoMissingParameterProfile extends MotoProfile {

    static final String MISSING_PARAMETER = "fa-012-not-created";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MotoServer.class, Map.of(MotoServer.PARAMETER_NAME_ARG, MISSING_PARAMETER)));
    }
}
