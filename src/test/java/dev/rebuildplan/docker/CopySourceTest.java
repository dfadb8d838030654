package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopySourceTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    ". , anything/at/all.ts, true",
    "./, package.json, true",
    "/, package.json, true",
    "package.json, package.json, true",
    "package.json, packages/x/package.json, false",
    "bun.lock, bun.lock, true",
    "packages/cloud, packages/cloud, true",
    "packages/cloud, packages/cloud/src/index.ts, true",
    "packages/cloud, packages/cloud-old/x, false",
    "packages/cloud, packages, false",
    "./packages/cloud/, packages/cloud/a, true",
    "/packages/cloud, packages/cloud/a, true",
    "packages/apps/live-captions/tpa_config.json, packages/apps/live-captions/tpa_config.json,"
        + " true",
    "packages/apps/live-captions/tpa_config.json, packages/apps/live-captions/other.json, false",
    "*.json, package.json, true",
    "*.json, tsconfig.json, true",
    "*.json, packages/a/package.json, false",
    "packages/*/package.json, packages/utils/package.json, true",
    "packages/*/package.json, packages/utils/src/package.json, false",
    "packages/*/package.json, packages/package.json, false",
    "packages/*, packages/utils/src/index.ts, true",
    "packages/u?ils, packages/utils/x, true",
    "packages/[tu]tils, packages/utils/x, true",
    "packages/**/x.ts, packages/a/x.ts, true",
    "packages/**/x.ts, packages/a/b/x.ts, false",
    "Dockerfile copy.dev, Dockerfile copy.dev, true",
    "../up, up/x, true",
  })
  void matches_contextPath_followsCopySemantics(String pattern, String path, boolean expected) {
    CopySource source = CopySource.of(pattern);

    boolean matches = source.matches(path);

    assertEquals(expected, matches);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({".", "./", "/", "a/..", "''"})
  void isWholeContext_rootSource_isTrue(String pattern) {
    CopySource source = CopySource.of(pattern);

    assertTrue(source.isWholeContext());
  }

  @Test
  void isWholeContext_folder_isFalse() {
    CopySource source = CopySource.of("packages/cloud");

    assertFalse(source.isWholeContext());
  }

  @Test
  void matches_pathWithDotSlash_isCleanedFirst() {
    CopySource source = CopySource.of("packages/cloud");

    assertTrue(source.matches("./packages//cloud/x"));
  }

  @Test
  void of_malformedGlob_throwsNamingThePattern() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> CopySource.of("src/[a"));

    assertTrue(error.getMessage().contains("'[a'"), error.getMessage());
  }

  // Guards the QA report that names holding a newline never matched: wildcards match it here.
  @Test
  void matches_nameWithNewline_matchesWildcards() {
    assertTrue(CopySource.of("*.c").matches("a\nb.c"));
    assertTrue(CopySource.of("?b.c").matches("\nb.c"));
    assertTrue(CopySource.of("s*").matches("s\n/x"));
  }
}
