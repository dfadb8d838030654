package dev.rebuildplan.project;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rebuildplan.compose.BuildSpec;
import dev.rebuildplan.compose.ComposeInvocation;
import dev.rebuildplan.compose.ComposeProblem;
import dev.rebuildplan.compose.ComposeProject;
import dev.rebuildplan.compose.ComposeReader;
import dev.rebuildplan.compose.ComposeService;
import dev.rebuildplan.docker.ContextInput;
import dev.rebuildplan.docker.CopySource;
import dev.rebuildplan.docker.DockerIgnore;
import dev.rebuildplan.docker.DockerfileParser;
import dev.rebuildplan.docker.ImageRef;
import dev.rebuildplan.docker.ParsedDockerfile;
import dev.rebuildplan.git.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Reads a compose project and its Dockerfiles from one snapshot of the repository. */
public final class DockerProjectReader {
  private final Snapshot snapshot;
  private final List<String> warnings = new ArrayList<>();

  private DockerProjectReader(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /**
   * Reads the compose project the invocation names, or returns empty when there is no compose file
   * to find.
   *
   * @throws ProjectException when a compose file is there but cannot be read
   */
  public static Optional<DockerProject> read(Snapshot snapshot, ComposeInvocation invocation)
      throws ProjectException, IOException {
    ComposeProject compose = readCompose(snapshot, invocation);
    if (compose.files().isEmpty()) {
      if (!invocation.files().isEmpty()) {
        throw new ProjectException(
            "compose file "
                + String.join(", ", invocation.files())
                + " not found at "
                + snapshot.label());
      }
      return Optional.empty();
    }
    return Optional.of(new DockerProjectReader(snapshot).toProject(compose));
  }

  /** The compose project at a snapshot, problems and all; empty files when there is none. */
  public static ComposeProject readCompose(Snapshot snapshot, ComposeInvocation invocation)
      throws IOException {
    try {
      return ComposeReader.read(path -> readUnchecked(snapshot, path), invocation);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Optional<String> readUnchecked(Snapshot snapshot, String path) {
    try {
      return snapshot.read(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DockerProject toProject(ComposeProject compose) throws ProjectException, IOException {
    checkProblems(compose);
    List<dev.rebuildplan.core.Image> images = new ArrayList<>();
    Map<String, ServiceInputs> inputs = new LinkedHashMap<>();
    Map<String, Optional<ParsedDockerfile>> dockerfiles = new LinkedHashMap<>();
    for (ComposeService service : compose.services().values()) {
      if (service.build().isPresent()) {
        dockerfiles.put(service.name(), parse(service.name(), service.build().get()));
      }
    }
    for (ComposeService service : compose.services().values()) {
      if (service.build().isEmpty()) {
        images.add(dev.rebuildplan.core.Image.stock(service.name()));
        continue;
      }
      BuildSpec build = service.build().get();
      Optional<ParsedDockerfile> dockerfile = dockerfiles.get(service.name());
      ImmutableSet<String> parents = parents(compose, service.name(), build, dockerfile);
      images.add(new dev.rebuildplan.core.Image(service.name(), parents, true));
      if (build.localContext()) {
        ServiceInputs serviceInputs = inputs(service.name(), build, dockerfile);
        inputs.put(service.name(), withOnBuildTriggers(serviceInputs, parents, dockerfiles));
      } else {
        warnings.add(
            "service "
                + service.name()
                + " builds from the remote context "
                + build.context()
                + "; it is rebuilt only when its build definition changes");
      }
    }
    return new DockerProject(
        compose,
        ImmutableList.copyOf(images),
        ImmutableMap.copyOf(inputs),
        ImmutableList.copyOf(warnings));
  }

  /**
   * A parent's {@code ONBUILD COPY/ADD} runs in the child's build, on the child's context: what it
   * copies is not written in the child's Dockerfile, so the child's whole context counts.
   */
  private static ServiceInputs withOnBuildTriggers(
      ServiceInputs inputs,
      ImmutableSet<String> parents,
      Map<String, Optional<ParsedDockerfile>> dockerfiles) {
    List<ServiceInputs.CopiedSource> triggers = new ArrayList<>();
    for (String parent : parents) {
      Optional<ParsedDockerfile> parsed = dockerfiles.getOrDefault(parent, Optional.empty());
      parsed.ifPresent(
          dockerfile ->
              dockerfile.onBuilds().stream()
                  .filter(onBuild -> onBuild.instruction().matches("(?i)(COPY|ADD)\\b.*"))
                  .findFirst()
                  .ifPresent(
                      onBuild ->
                          triggers.add(
                              new ServiceInputs.CopiedSource(
                                  CopySource.of("."),
                                  "ONBUILD COPY/ADD of " + parent + ", whole context",
                                  dockerfile.fileName() + ":" + onBuild.line()))));
    }
    if (triggers.isEmpty()) {
      return inputs;
    }
    return new ServiceInputs(
        inputs.service(),
        inputs.contextPrefix(),
        inputs.dockerfile(),
        inputs.ignoreFile(),
        ImmutableList.<ServiceInputs.CopiedSource>builder()
            .addAll(inputs.copies())
            .addAll(triggers)
            .build(),
        inputs.ignore(),
        inputs.additionalContexts(),
        inputs.linkTargets());
  }

  /** Compose problems stop the plan; an unset variable only warns, as it does in compose. */
  private void checkProblems(ComposeProject compose) throws ProjectException {
    List<ComposeProblem> errors = new ArrayList<>();
    for (ComposeProblem problem : compose.problems()) {
      // NOTE: the compose reader words an unset variable this way; compose itself only warns.
      if (problem.message().contains("an empty string is used")) {
        warnings.add(problem.toString());
      } else {
        errors.add(problem);
      }
    }
    if (!errors.isEmpty()) {
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new ProjectException(
          errors.get(0)
              + more
              + "; fix the compose file, or plan from"
              + " rules alone with --rules-only");
    }
  }

  private Optional<ParsedDockerfile> parse(String service, BuildSpec build) throws IOException {
    Optional<String> path = build.dockerfilePath();
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = snapshot.read(path.get());
    if (text.isEmpty()) {
      warnings.add(
          "service "
              + service
              + ": "
              + path.get()
              + " is not in "
              + snapshot.label()
              + "; its whole build context counts as input");
      return Optional.empty();
    }
    ParsedDockerfile parsed = DockerfileParser.parse(path.get(), text.get(), build.args());
    parsed
        .problems()
        .forEach(
            problem ->
                warnings.add(
                    problem + "; the whole build context of " + service + " counts as input"));
    return Optional.of(parsed);
  }

  private ImmutableSet<String> parents(
      ComposeProject compose, String service, BuildSpec build, Optional<ParsedDockerfile> parsed) {
    TreeSet<String> parents = new TreeSet<>(build.serviceContexts());
    for (String image : build.imageContexts()) {
      compose.serviceBuildingImage(image).ifPresent(parent -> parents.add(parent.name()));
    }
    if (parsed.isPresent()) {
      List<ImageRef> refs = new ArrayList<>();
      try {
        refs.addAll(parsed.get().baseImages(build.target()));
        refs.addAll(parsed.get().copiedImages(build.target()));
      } catch (IllegalArgumentException e) {
        refs.addAll(parsed.get().baseImages(Optional.empty()));
      }
      for (ImageRef ref : refs) {
        compose.serviceBuildingImage(ref.image()).ifPresent(parent -> parents.add(parent.name()));
      }
    }
    parents.remove(service);
    parents.removeIf(name -> !compose.services().containsKey(name));
    return ImmutableSet.copyOf(parents);
  }

  private ServiceInputs inputs(String service, BuildSpec build, Optional<ParsedDockerfile> parsed)
      throws IOException {
    String prefix = build.context().equals(".") ? "" : build.context() + "/";
    List<ServiceInputs.CopiedSource> copies = new ArrayList<>();
    String dockerfileName = build.dockerfilePath().orElse(prefix + "Dockerfile");
    if (parsed.isEmpty()) {
      copies.add(whole(dockerfileName, 0));
    } else {
      copies.addAll(copiesOf(service, build, parsed.get()));
    }
    Optional<String> ignoreFile = Optional.empty();
    DockerIgnore ignore = DockerIgnore.empty();
    for (String candidate : List.of(dockerfileName + ".dockerignore", prefix + ".dockerignore")) {
      Optional<String> text = snapshot.read(candidate);
      if (text.isPresent()) {
        ignoreFile = Optional.of(candidate);
        ignore = DockerIgnore.parse(candidate, text.get());
        ignore.problems().forEach(problem -> warnings.add(problem.toString()));
        break;
      }
    }
    return new ServiceInputs(
        service,
        prefix,
        build.dockerfilePath(),
        ignoreFile,
        ImmutableList.copyOf(copies),
        ignore,
        localContexts(build),
        linkTargets(build.dockerfilePath(), ignoreFile));
  }

  /** The files a symlinked Dockerfile or ignore file points to: editing those changes the build. */
  private ImmutableSet<String> linkTargets(Optional<String> dockerfile, Optional<String> ignoreFile)
      throws IOException {
    ImmutableSet.Builder<String> targets = ImmutableSet.builder();
    for (Optional<String> file : List.of(dockerfile, ignoreFile)) {
      if (file.isPresent()) {
        Optional<String> real = snapshot.realPath(file.get());
        if (real.isPresent() && !real.get().equals(file.get())) {
          targets.add(real.get());
        }
      }
    }
    return targets.build();
  }

  /**
   * The additional contexts that are folders of the repository, by name. Whatever the Dockerfile
   * takes from one counts; every file in it is counted, which is safe if coarse.
   */
  private static ImmutableMap<String, String> localContexts(BuildSpec build) {
    ImmutableMap.Builder<String, String> folders = ImmutableMap.builder();
    build
        .additionalContexts()
        .forEach(
            (name, value) -> {
              boolean local =
                  !value.contains("://")
                      && !value.startsWith("service:")
                      && !value.startsWith("..")
                      && !value.startsWith("/");
              if (local) {
                folders.put(name, value.equals(".") ? "" : value + "/");
              }
            });
    return folders.buildOrThrow();
  }

  private List<ServiceInputs.CopiedSource> copiesOf(
      String service, BuildSpec build, ParsedDockerfile parsed) {
    List<ContextInput> contextInputs;
    try {
      contextInputs = parsed.contextInputs(build.target());
    } catch (IllegalArgumentException e) {
      warnings.add(
          "service "
              + service
              + ": "
              + e.getMessage()
              + "; its whole build context counts as input");
      return List.of(whole(parsed.fileName(), 0));
    }
    List<ServiceInputs.CopiedSource> copies = new ArrayList<>();
    for (ContextInput input : contextInputs) {
      String instruction =
          parsed.copies().stream()
              .filter(copy -> copy.line() == input.line())
              .map(copy -> copy.instruction())
              .findFirst()
              .orElse(input.line() == 0 ? "context" : "COPY");
      try {
        copies.add(
            new ServiceInputs.CopiedSource(
                CopySource.of(input.pattern()),
                instruction,
                parsed.fileName() + ":" + input.line()));
      } catch (IllegalArgumentException e) {
        copies.add(whole(parsed.fileName(), input.line()));
      }
    }
    return copies;
  }

  private static ServiceInputs.CopiedSource whole(String file, int line) {
    return new ServiceInputs.CopiedSource(
        CopySource.of("."), "whole context", line == 0 ? file : file + ":" + line);
  }
}
