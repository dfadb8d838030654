package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildSpecTest {
  private static BuildSpec withContexts(ImmutableMap<String, String> contexts) {
    return new BuildSpec(
        "app",
        true,
        "app/Dockerfile",
        ImmutableMap.of(),
        Optional.empty(),
        contexts,
        Optional.empty(),
        "{}");
  }

  // Regression test for QA: a docker-image:// context naming a built image is a FROM-like input.
  @Test
  void imageContexts_dockerImageContexts_areTheImagesWithoutTheScheme() {
    BuildSpec spec =
        withContexts(
            ImmutableMap.of(
                "base", "docker-image://myorg/base:1.0",
                "alpine", "docker-image://alpine",
                "shared", "shared",
                "other", "service:other",
                "remote", "https://github.com/x/y.git"));

    assertEquals(ImmutableSet.of("myorg/base:1.0", "alpine"), spec.imageContexts());
  }

  @Test
  void serviceContexts_serviceContexts_areTheServiceNames() {
    BuildSpec spec =
        withContexts(ImmutableMap.of("base", "docker-image://myorg/base", "o", "service:other"));

    assertEquals(ImmutableSet.of("other"), spec.serviceContexts());
  }
}
