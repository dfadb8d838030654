package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoGlobTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "abc, abc, true",
    "abc, abd, false",
    "*, anything.txt, true",
    "*, '', true",
    "*.json, package.json, true",
    "*.json, package.jsonx, false",
    "a*b, axxb, true",
    "a?c, abc, true",
    "a?c, ac, false",
    "[abc], b, true",
    "[abc], d, false",
    "[a-c]x, bx, true",
    "[^a-c]x, dx, true",
    "[^a-c]x, ax, false",
    "'[\\]]', ], true",
    "'\\*', *, true",
    "'\\*', a, false",
    "a.b, axb, false",
    "(x)+, (x)+, true",
    "**, deep, true",
  })
  void compileSegment_glob_matchesLikeFilepathMatch(String glob, String name, boolean expected) {
    boolean matches = GoGlob.compileSegment(glob).matcher(name).matches();

    assertEquals(expected, matches);
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "**/node_modules, node_modules, true",
    "**/node_modules, a/b/node_modules, true",
    "**/node_modules, a/xnode_modules, false",
    "**/*.go, a/b/c.go, true",
    "**/*.go, c.go, true",
    "a/**, a/b/c, true",
    "a/**, a, false",
    "a/**/b, a/b, true",
    "a/**/b, a/x/y/b, true",
    "**, a/b, true",
    "*/b, a/b, true",
    "*/b, a/c/b, false",
  })
  void compilePath_doubleStar_spansSegments(String glob, String path, boolean expected) {
    boolean matches = GoGlob.compilePath(glob).matcher(path).matches();

    assertEquals(expected, matches);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'[', unclosed",
    "'[]', empty",
    "'[a', unclosed",
    "'a\\', escape",
    "'[z-a]', reversed"
  })
  void compileSegment_malformedGlob_throws(String glob, String reason) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> GoGlob.compileSegment(glob));

    assertTrue(error.getMessage().contains(reason), error.getMessage());
  }
}
