package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathTest {
  @ParameterizedTest(name = "clean({0}) = {1}")
  @CsvSource({
    "'', .",
    "., .",
    "./, .",
    "a/b, a/b",
    "./a/b/, a/b",
    "a//b, a/b",
    "a/./b, a/b",
    "a/../b, b",
    "../a, ../a",
    "a/../../b, ../b",
    "/, /",
    "/../a, /a",
    "/a/b/.., /a",
  })
  void clean_path_isShortestEquivalent(String path, String expected) {
    String cleaned = GoPath.clean(path);

    assertEquals(expected, cleaned);
  }

  @ParameterizedTest(name = "withinContext({0}) = ''{1}''")
  @CsvSource({
    "., ''",
    "./, ''",
    "/, ''",
    "'', ''",
    "./packages/cloud, packages/cloud",
    "/packages/cloud/, packages/cloud",
    "../outside/x, outside/x",
  })
  void withinContext_path_staysBelowTheRoot(String path, String expected) {
    String cleaned = GoPath.withinContext(path);

    assertEquals(expected, cleaned);
  }
}
