package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

  @Test
  void withDefaultTag_untagged_getsLatest() {
    assertEquals("base:latest", ImageReference.withDefaultTag("base"));
    assertEquals(
        "localhost:5000/base:latest", ImageReference.withDefaultTag("localhost:5000/base"));
  }

  @Test
  void withDefaultTag_taggedOrDigested_isUnchanged() {
    assertEquals("base:1.2", ImageReference.withDefaultTag("base:1.2"));
    assertEquals("base@sha256:abc", ImageReference.withDefaultTag("base@sha256:abc"));
    assertEquals(
        "docker.io/library/base:latest", ImageReference.withDefaultTag("docker.io/library/base"));
  }
}
