package io.parameterportal.moto;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The portal in {@code aws} mode against a real, seeded moto server ({@link MotoServer}), in its own Quarkus start. */
public class MotoProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MotoServer.class));
    }
}
