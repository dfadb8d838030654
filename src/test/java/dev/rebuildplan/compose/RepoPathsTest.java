package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepoPathsTest {

  @Test
  void resolve_relativePaths_areNormalized() {
    assertEquals(Optional.of("app/web"), RepoPaths.resolve("app", "./web/"));
    assertEquals(Optional.of("lib"), RepoPaths.resolve("app", "../lib"));
    assertEquals(Optional.of("app"), RepoPaths.resolve("app", "."));
    assertEquals(Optional.of("."), RepoPaths.resolve(".", "./"));
    assertEquals(Optional.of("a/b"), RepoPaths.resolve(".", "a\\b"));
  }

  @Test
  void resolve_leavingTheRepository_isEmpty() {
    assertEquals(Optional.empty(), RepoPaths.resolve("app", "../.."));
    assertEquals(Optional.empty(), RepoPaths.resolve("app", "/etc"));
    assertEquals(Optional.empty(), RepoPaths.resolve("app", "C:/src"));
  }

  @Test
  void relativize_leadsFromTheFolderToThePath() {
    assertEquals("../lib/x", RepoPaths.relativize("app", "lib/x"));
    assertEquals("web", RepoPaths.relativize("app", "app/web"));
    assertEquals(".", RepoPaths.relativize("app", "app"));
    assertEquals("../..", RepoPaths.relativize("a/b", "."));
    assertEquals("lib", RepoPaths.relativize(".", "lib"));
  }

  @Test
  void parentAndBaseName_splitThePath() {
    assertEquals("a/b", RepoPaths.parent("a/b/compose.yaml"));
    assertEquals(".", RepoPaths.parent("compose.yaml"));
    assertEquals("augmentos_cloud", RepoPaths.baseName("x/augmentos_cloud"));
  }
}
