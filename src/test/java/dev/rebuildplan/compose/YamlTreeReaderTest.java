package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableSet;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

  @Test
  void read_aliases_copyTheAnchoredNode() throws ComposeFileException {
    String yaml = "base: &b {context: ., args: [A=1]}\nuse: *b\n";

    YamlDocument document = YamlTreeReader.read("c.yaml", yaml);

    assertEquals(document.root().get("base"), document.root().get("use"));
  }

  @Test
  void read_mergeKeys_addOnlyMissingEntriesEarlierSourcesFirst() throws ComposeFileException {
    String yaml =
        """
        one: &one {a: 1, b: 1}
        two: &two {b: 2, c: 2}
        merged:
          c: 3
          <<: [*one, *two]
        """;

    YamlDocument document = YamlTreeReader.read("c.yaml", yaml);

    assertEquals("{\"c\":3,\"a\":1,\"b\":1}", document.root().get("merged").toString());
  }

  @Test
  void read_resetAndOverrideTags_areRecordedAndResetNodesLeftOut() throws ComposeFileException {
    String yaml = "a: !reset {x: 1}\nb: !override [1]\nc: [1, !reset 2, 3]\nd: !reset null\n";

    YamlDocument document = YamlTreeReader.read("c.yaml", yaml);

    assertEquals("{\"b\":[1],\"c\":[1,3]}", document.root().toString());
    assertEquals(ImmutableSet.of("/a", "/b", "/c/1", "/d"), document.replacedPointers());
  }

  @Test
  void read_positions_areRecordedByPointer() throws ComposeFileException {
    YamlDocument document = YamlTreeReader.read("c.yaml", "services:\n  web:\n    build: 1\n");

    ComposeProblem problem = document.problemAt("/services/web/build", "bad");

    assertEquals(new ComposeProblem("c.yaml", 3, 12, "bad"), problem);
  }

  @Test
  void problemAt_unknownPointer_usesNearestParent() throws ComposeFileException {
    YamlDocument document = YamlTreeReader.read("c.yaml", "services:\n  web:\n    build: 1\n");

    ComposeProblem problem = document.problemAt("/services/web/build/args/X", "bad");

    assertEquals(new ComposeProblem("c.yaml", 3, 12, "bad"), problem);
  }

  @Test
  void read_undefinedAlias_isAProblem() {
    ComposeFileException thrown =
        assertThrows(ComposeFileException.class, () -> YamlTreeReader.read("c.yaml", "a: *nope\n"));

    assertEquals("c.yaml:1:4: alias *nope names no anchor defined before it", thrown.getMessage());
  }

  @Test
  void read_mergeKeyOnAScalar_isAProblem() {
    ComposeFileException thrown =
        assertThrows(
            ComposeFileException.class, () -> YamlTreeReader.read("c.yaml", "a:\n  <<: 1\n"));

    assertEquals(
        "c.yaml:2:7: a merge key (<<) needs a mapping or a list of mappings", thrown.getMessage());
  }
}
