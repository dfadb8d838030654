package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "base, docker.io/library/base:latest",
    "base:1.2, docker.io/library/base:1.2",
    "library/base, docker.io/library/base:latest",
    "myorg/base:1.0, docker.io/myorg/base:1.0",
    "docker.io/myorg/base:1.0, docker.io/myorg/base:1.0",
    "docker.io/base, docker.io/library/base:latest",
    "docker.io/library/x:latest, docker.io/library/x:latest",
    "index.docker.io/myorg/base, docker.io/myorg/base:latest",
    "index.docker.io/x, docker.io/library/x:latest",
    "localhost/base, localhost/base:latest",
    "localhost:5000/base, localhost:5000/base:latest",
    "ghcr.io/org/base:2, ghcr.io/org/base:2",
    "base@sha256:abc, docker.io/library/base@sha256:abc",
    "base:1.2@sha256:abc, docker.io/library/base:1.2@sha256:abc",
    "host:5000/base@sha256:abc, host:5000/base@sha256:abc",
  })
  void normalize_givesTheFullyQualifiedName(String reference, String expected) {
    assertEquals(expected, ImageReference.normalize(reference));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({
    "MyOrg/base, myorg/base",
    "base:1.0, base:1.1",
    "ghcr.io/myorg/base, myorg/base",
    "base@sha256:abc, base",
  })
  void normalize_differentImages_stayDifferent(String one, String other) {
    assertNotEquals(ImageReference.normalize(one), ImageReference.normalize(other));
  }
}
