package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
  private final Interpolator interpolator =
      new Interpolator(ImmutableMap.of("TAG", "v1", "EMPTY", "", "DIR", "api"));
  private final List<String> problems = new ArrayList<>();

  @Test
  void interpolate_bracedAndBareVariables_areSubstituted() {
    String result = interpolator.interpolate("img:${TAG}-$TAG/$DIR.x", problems);

    assertEquals("img:v1-v1/api.x", result);
    assertEquals(List.of(), problems);
  }

  @Test
  void interpolate_defaults_distinguishUnsetFromEmpty() {
    String colon = interpolator.interpolate("${EMPTY:-d}|${MISSING:-d}", problems);
    String plain = interpolator.interpolate("${EMPTY-d}|${MISSING-d}", problems);

    assertEquals("d|d", colon);
    assertEquals("|d", plain);
    assertEquals(List.of(), problems);
  }

  @Test
  void interpolate_nestedDefault_isInterpolated() {
    String result = interpolator.interpolate("${MISSING:-./${DIR}/src}", problems);

    assertEquals("./api/src", result);
  }

  @Test
  void interpolate_alternatives_applyOnlyWhenSet() {
    String result = interpolator.interpolate("${TAG:+set}|${MISSING:+set}|${EMPTY+set}", problems);

    assertEquals("set||set", result);
  }

  @Test
  void interpolate_doubleDollar_isALiteralDollar() {
    String result = interpolator.interpolate("$${TAG} costs $$5 and $", problems);

    assertEquals("${TAG} costs $5 and $", result);
    assertEquals(List.of(), problems);
  }

  @Test
  void interpolate_unsetVariable_isEmptyAndReported() {
    String result = interpolator.interpolate("a${MISSING}b", problems);

    assertEquals("ab", result);
    assertEquals(
        ImmutableList.of("variable MISSING is not set; an empty string is used"), problems);
  }

  @Test
  void interpolate_requiredVariableMissing_isReportedWithItsMessage() {
    String result = interpolator.interpolate("${MISSING:?set MISSING first}", problems);

    assertEquals("", result);
    assertEquals(
        ImmutableList.of("required variable MISSING is not set: set MISSING first"), problems);
  }

  @Test
  void interpolate_malformedExpressions_areReported() {
    interpolator.interpolate("${TAG", problems);
    interpolator.interpolate("${1BAD}", problems);
    interpolator.interpolate("${TAG*x}", problems);

    assertEquals(
        ImmutableList.of(
            "unclosed '${' in \"${TAG\"",
            "invalid variable expression \"${1BAD}\"",
            "invalid variable expression \"${TAG*x}\""),
        problems);
  }
}
