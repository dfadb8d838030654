package dev.rebuildplan.ci;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the base of a CI build from the platform's environment: GitHub Actions pull requests and
 * pushes, GitLab merge requests and pushes. The environment is passed in, never read globally.
 */
public final class CiPlatform {
  private static final String NO_COMMIT = "0".repeat(40);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CiPlatform() {}

  /** Whether {@code CI=true}: the tool runs in CI and should take its base from the platform. */
  public static boolean isCi(Map<String, String> env) {
    return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
  }

  /**
   * The base the platform names for this build.
   *
   * @throws CiException when no supported platform is recognised, or it names no usable base
   */
  public static CiBase detect(Map<String, String> env) throws CiException {
    if ("true".equals(env.get("GITHUB_ACTIONS"))) {
      return github(env);
    }
    if ("true".equals(env.get("GITLAB_CI"))) {
      return gitlab(env);
    }
    throw new CiException(
        "no supported CI platform found (GitHub Actions, GitLab CI) to take the"
            + " base from; pass --since REF or --base REV");
  }

  private static CiBase github(Map<String, String> env) throws CiException {
    String baseRef = env.getOrDefault("GITHUB_BASE_REF", "");
    if (!baseRef.isEmpty()) {
      // Actions checks out a detached merge commit; the target branch is only origin/<branch>.
      return new CiBase(
          "origin/" + baseRef,
          true,
          "GitHub Actions pull request into " + baseRef + " (GITHUB_BASE_REF)");
    }
    JsonNode event = githubEvent(env);
    String before = event.path("before").asText("");
    if (before.isEmpty()) {
      throw new CiException(
          "GitHub Actions event '"
              + env.getOrDefault("GITHUB_EVENT_NAME", "?")
              + "' names no base (no GITHUB_BASE_REF, no 'before' in GITHUB_EVENT_PATH);"
              + " pass --since"
              + " REF or --base REV");
    }
    if (!before.equals(NO_COMMIT)) {
      return new CiBase(
          before, true, "GitHub Actions push: 'before' " + before + " from GITHUB_EVENT_PATH");
    }
    String defaultBranch = event.path("repository").path("default_branch").asText("");
    if (defaultBranch.isEmpty()) {
      throw new CiException(
          "GitHub Actions push of a new branch, and the event names no"
              + " repository.default_branch to compare with; pass --since origin/<default branch>");
    }
    return new CiBase(
        "origin/" + defaultBranch,
        true,
        "GitHub Actions push of a new branch"
            + " ('before' is all zeros): merge base with the default branch "
            + defaultBranch);
  }

  private static JsonNode githubEvent(Map<String, String> env) throws CiException {
    String path = env.getOrDefault("GITHUB_EVENT_PATH", "");
    if (path.isEmpty()) {
      throw new CiException(
          "GITHUB_EVENT_PATH is not set, so the pushed range is unknown; pass"
              + " --since REF or --base REV");
    }
    String file = "the GitHub event file " + path + " (GITHUB_EVENT_PATH)";
    String fix = "; pass --since REF or --base REV";
    try {
      return MAPPER.readTree(Files.readString(Path.of(path)));
    } catch (NoSuchFileException e) {
      throw new CiException(file + " does not exist" + fix);
    } catch (JsonProcessingException e) {
      throw new CiException(file + " is not valid JSON" + where(e) + fix);
    } catch (IOException e) {
      throw new CiException("cannot read " + file + ": " + e.getMessage() + fix);
    }
  }

  /**
   * Returns " at line L, column C (reason)" for a parse error, without Jackson's source excerpt,
   * which spans lines; the reason is the message up to its first colon.
   */
  private static String where(JsonProcessingException e) {
    String reason = e.getOriginalMessage().split("[:\\n]", 2)[0].strip();
    String lowered =
        reason.isEmpty()
            ? ""
            : " (" + Ascii.toLowerCase(reason.substring(0, 1)) + reason.substring(1) + ")";
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() <= 0) {
      return lowered;
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr() + lowered;
  }

  private static CiBase gitlab(Map<String, String> env) throws CiException {
    String diffBase = env.getOrDefault("CI_MERGE_REQUEST_DIFF_BASE_SHA", "");
    if (!diffBase.isEmpty()) {
      // GitLab computed the merge base already: compare with its tree.
      return new CiBase(
          diffBase, false, "GitLab merge request: CI_MERGE_REQUEST_DIFF_BASE_SHA " + diffBase);
    }
    String before = env.getOrDefault("CI_COMMIT_BEFORE_SHA", "");
    if (!before.isEmpty() && !before.equals(NO_COMMIT)) {
      return new CiBase(before, true, "GitLab push: CI_COMMIT_BEFORE_SHA " + before);
    }
    String defaultBranch = env.getOrDefault("CI_DEFAULT_BRANCH", "");
    if (defaultBranch.isEmpty()) {
      throw new CiException(
          "GitLab pipeline with no base (CI_COMMIT_BEFORE_SHA is "
              + (before.isEmpty() ? "unset" : "all zeros")
              + ", CI_DEFAULT_BRANCH unset); pass"
              + " --since REF or --base REV");
    }
    return new CiBase(
        "origin/" + defaultBranch,
        true,
        "GitLab pipeline of a new branch"
            + " (CI_COMMIT_BEFORE_SHA "
            + (before.isEmpty() ? "unset" : "all zeros")
            + "): merge base with the default branch "
            + defaultBranch
            + " (CI_DEFAULT_BRANCH)");
  }
}
