package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {
  private final List<ComposeProblem> problems = new ArrayList<>();

  private ImmutableMap<String, String> parse(String text, Map<String, String> environment) {
    return DotEnvFile.parse(".env", text, ImmutableMap.copyOf(environment), problems);
  }

  private ImmutableList<String> messages() {
    return problems.stream().map(ComposeProblem::toString).collect(ImmutableList.toImmutableList());
  }

  @Test
  void parse_commentsBlankLinesAndExport_areHandled() {
    String text = "# a comment\n\n  export TAG=v1\nURL=http://x/?a=b\n";

    ImmutableMap<String, String> values = parse(text, Map.of());

    assertEquals(ImmutableMap.of("TAG", "v1", "URL", "http://x/?a=b"), values);
    assertEquals(ImmutableList.of(), messages());
  }

  @Test
  void parse_quotedValues_dropTheirQuotes() {
    String text =
        "A='single # kept $X'\nB=\"double # kept\\t${X}\"  # comment\nC=plain # comment\nD=a#b\n";

    ImmutableMap<String, String> values = parse(text, Map.of("X", "x"));

    assertEquals(
        ImmutableMap.of("A", "single # kept $X", "B", "double # kept\tx", "C", "plain", "D", "a#b"),
        values);
  }

  @Test
  void parse_laterValues_interpolateEarlierOnesAndTheEnvironmentFirst() {
    String text = "REG=myorg\nIMAGE=${REG}/base:${TAG}\nEMPTY=\n";

    ImmutableMap<String, String> values = parse(text, Map.of("TAG", "1", "REG", "env"));

    assertEquals(ImmutableMap.of("REG", "myorg", "IMAGE", "env/base:1", "EMPTY", ""), values);
  }

  @Test
  void parse_unclosedQuote_isAProblemWithItsLine() {
    String text = "A=1\nB=\"open\nC=3\n";

    ImmutableMap<String, String> values = parse(text, Map.of());

    assertEquals(ImmutableMap.of("A", "1", "C", "3"), values);
    assertEquals(
        ImmutableList.of(".env:2:3: invalid value of B: the \" quote is not closed on its line"),
        messages());
  }

  @Test
  void parse_keyWithoutEquals_takesTheEnvironmentValue() {
    ImmutableMap<String, String> values = parse("TAG\nMISSING\n", Map.of("TAG", "v2"));

    assertEquals(ImmutableMap.of("TAG", "v2"), values);
    assertEquals(ImmutableList.of(), messages());
  }
}
