package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpanderTest {
  private static final VariableExpander EXPANDER =
      new VariableExpander(ImmutableMap.of("TAG", "20", "EMPTY", "", "APP", "cloud"), '\\');

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "node:$TAG | node:20",
        "node:${TAG} | node:20",
        "node:${TAG}-alpine | node:20-alpine",
        "$TAG$TAG | 2020",
        "${MISSING:-18} | 18",
        "${EMPTY:-18} | 18",
        "${EMPTY-18} | ''",
        "${MISSING-18} | 18",
        "${TAG:-18} | 20",
        "${TAG:+set} | set",
        "${EMPTY:+set} | ''",
        "${EMPTY+set} | set",
        "${MISSING:-${APP}} | cloud",
        "packages/$APP/src | packages/cloud/src",
        "\\$TAG | $TAG",
        "cost$ | cost$",
        "$1 | $1",
      })
  void expand_word_substitutesKnownValues(String word, String expected) throws Exception {
    String expanded = EXPANDER.expand(word);

    assertEquals(expected, expanded);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$MISSING | MISSING has no known value",
        "${MISSING} | MISSING has no known value",
        "${TAG:?needed} | unsupported",
        "${TAG#2} | unsupported",
        "${TAG | without its",
      })
  void expand_unresolvable_throws(String word, String message) {
    VariableExpander.UnresolvedException error =
        assertThrows(VariableExpander.UnresolvedException.class, () -> EXPANDER.expand(word));

    assertTrue(error.getMessage().contains(message), error.getMessage());
  }

  @Test
  void expand_backtickEscape_keepsDollar() throws Exception {
    VariableExpander expander = new VariableExpander(ImmutableMap.of("B", "x"), '`');

    assertEquals("a$b-x\\", expander.expand("a`$b-$B\\"));
  }
}
