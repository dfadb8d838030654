package dev.rebuildplan.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiPlatformTest {
  @TempDir Path temp;

  private static Map<String, String> githubPush(Path event) {
    return Map.of(
        "GITHUB_ACTIONS",
        "true",
        "GITHUB_EVENT_NAME",
        "push",
        "GITHUB_EVENT_PATH",
        event.toString());
  }

  // Regression test for QA: bad JSON gave two lines with Jackson's "at [Source: REDACTED ...]".
  @Test
  void detect_githubEventNotJson_isOneLineNamingFileAndPlace() throws Exception {
    Path event = Files.writeString(temp.resolve("event.json"), "{\n  \"before\": nope\n}\n");

    CiException error = assertThrows(CiException.class, () -> CiPlatform.detect(githubPush(event)));

    assertEquals(
        "the GitHub event file "
            + event
            + " (GITHUB_EVENT_PATH) is not valid JSON at line 2, column 13"
            + " (unrecognized token 'nope'); pass --since REF or --base REV",
        error.getMessage());
  }

  @Test
  void detect_githubEventCutShort_isOneLineWithoutJacksonsExcerpt() throws Exception {
    Path event = Files.writeString(temp.resolve("event.json"), "{\"before\": \"abc\"");

    CiException error = assertThrows(CiException.class, () -> CiPlatform.detect(githubPush(event)));

    assertEquals(
        "the GitHub event file "
            + event
            + " (GITHUB_EVENT_PATH) is not valid JSON at line 1, column 17"
            + " (unexpected end-of-input); pass --since REF or --base REV",
        error.getMessage());
  }

  @Test
  void detect_githubEventMissing_saysItDoesNotExist() {
    Path event = temp.resolve("absent.json");

    CiException error = assertThrows(CiException.class, () -> CiPlatform.detect(githubPush(event)));

    assertEquals(
        "the GitHub event file "
            + event
            + " (GITHUB_EVENT_PATH) does not exist; pass --since REF or --base REV",
        error.getMessage());
  }
}
