package dev.rebuildplan.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rebuildplan.compose.ComposeInvocation;
import dev.rebuildplan.core.Image;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.Reason;
import dev.rebuildplan.core.RuleSet;
import dev.rebuildplan.git.ChangeSet;
import dev.rebuildplan.git.GitChanges;
import dev.rebuildplan.git.GitException;
import dev.rebuildplan.git.Snapshot;
import dev.rebuildplan.project.DefinitionChanges;
import dev.rebuildplan.project.DockerProject;
import dev.rebuildplan.project.DockerProjectReader;
import dev.rebuildplan.project.ProjectException;
import dev.rebuildplan.rules.RepoFiles;
import dev.rebuildplan.rules.Rules;
import dev.rebuildplan.rules.RulesException;
import dev.rebuildplan.rules.RulesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan is made from: the rules file, the compose project and its Dockerfiles (read at the
 * revisions compared), or both, united; the built-in reference rules when there is neither.
 *
 * @param description how the report names the sources
 * @param ruleSets the rule sets, the rules file's first
 * @param graph the images, with the FROM edges of both sources
 * @param definitionChanges services to build for their compose definition, and removed ones
 * @param warnings what was counted conservatively
 * @param composeFiles compose files to pass with -f, relative to {@code projectDir}
 * @param composeProject the compose project name to pass with -p
 * @param projectDir where docker compose runs
 * @param docker the compose project, when one was read
 * @param builtInDefault whether nothing was configured or found and the built-in rules stood in
 * @param configuredRules the rules file or rule set the user configured, if any
 */
record PlanSources(
    String description,
    ImmutableList<RuleSet> ruleSets,
    ImageGraph graph,
    DefinitionChanges definitionChanges,
    ImmutableList<String> warnings,
    ImmutableList<String> composeFiles,
    Optional<String> composeProject,
    Path projectDir,
    Optional<DockerProject> docker,
    boolean builtInDefault,
    Optional<Rules> configuredRules) {

  /** Reads the sources for a change set. */
  static PlanSources read(
      GitChanges git, ChangeSet changes, PlanRequest request, Map<String, String> environment)
      throws GitException, RulesException, ProjectException, IOException {
    Path top = git.workTree();
    Snapshot head = head(git, changes);
    Optional<Rules> rules =
        RulesFile.findConfigured(request.rules(), top, request.workDir(), repoFiles(head));
    for (String file : request.composeFiles()) {
      if (!request.workDir().resolve(file).normalize().startsWith(top)) {
        throw new ProjectException(
            "-f "
                + file
                + ": outside the repository at "
                + top
                + "; compose files are read from the repository's revisions");
      }
    }
    ComposeInvocation invocation = invocation(top, request, rules, environment);
    Optional<DockerProject> docker =
        request.rulesOnly() ? Optional.empty() : DockerProjectReader.read(head, invocation);
    if (docker.isEmpty()) {
      Rules chosen =
          rules.isPresent()
              ? rules.get()
              : RulesFile.loadBuiltIn(RulesFile.DEFAULT_BUILT_IN, top, request.workDir());
      if (chosen.graph().names().isEmpty()) {
        // Images may be left to the compose file; without one, such rules plan nothing, ever.
        throw new RulesException(
            chosen.source()
                + ": images: none declared, and no compose file was found to read them from;"
                + " declare the images, or point the rules' root at the compose project");
      }
      return fromRules(chosen, request, rules.isEmpty());
    }
    DockerProject project = docker.get();
    Snapshot base = git.snapshot(changes.baseCommit().orElse(changes.headCommit()));
    DefinitionChanges definitions =
        DefinitionChanges.between(
            DockerProjectReader.readCompose(base, invocation), project.compose());
    return fromProject(project, rules, definitions, top, request);
  }

  /** The sources at one revision of a read request (explain, check): nothing is compared. */
  static PlanSources atRevision(GitChanges git, PlanRequest request, Map<String, String> env)
      throws GitException, RulesException, ProjectException, IOException {
    return read(git, revision(git, request), request, env);
  }

  /** The one revision a read request names, as a change set with no changes. */
  static ChangeSet revision(GitChanges git, PlanRequest request) throws GitException {
    ChangeSet head = git.at(request.head());
    return request.uncommitted() ? git.withUncommitted(head) : head;
  }

  /** The files the sources were read from: the head commit's, or the work tree's. */
  static Snapshot head(GitChanges git, ChangeSet changes) throws GitException {
    return changes.uncommitted() ? git.workTreeSnapshot() : git.snapshot(changes.headCommit());
  }

  private static RepoFiles repoFiles(Snapshot snapshot) {
    return new RepoFiles() {
      @Override
      public Optional<String> read(String path) throws IOException {
        return snapshot.read(path);
      }

      @Override
      public boolean isFolder(String folder) throws IOException {
        return snapshot.isFolder(folder);
      }
    };
  }

  /**
   * How docker compose would be called: in the rules' root when there are rules (a compose project
   * in a sub-folder is found from the repository's top too), else in the working folder; with
   * {@code -f} files, else those the rules name.
   */
  private static ComposeInvocation invocation(
      Path top, PlanRequest request, Optional<Rules> rules, Map<String, String> environment) {
    Path folder = rules.map(Rules::projectDir).orElse(request.workDir());
    String relative = top.relativize(folder).toString().replace('\\', '/');
    ComposeInvocation invocation =
        ComposeInvocation.inFolder(relative.isEmpty() ? "." : relative)
            .withEnvironment(environment)
            .withRepositoryFolderName(
                top.getFileName() == null ? "" : top.getFileName().toString());
    List<String> files =
        request.composeFiles().isEmpty()
            ? rules.map(Rules::composeFiles).orElse(ImmutableList.of())
            : request.composeFiles().stream()
                .map(file -> folder.relativize(request.workDir().resolve(file).normalize()))
                .map(path -> path.toString().replace('\\', '/'))
                .toList();
    if (!files.isEmpty()) {
      invocation = invocation.withFiles(files.toArray(String[]::new));
    }
    return request.projectName().map(invocation::withProjectName).orElse(invocation);
  }

  private static PlanSources fromRules(Rules rules, PlanRequest request, boolean builtInDefault) {
    ImmutableList<String> files =
        request.composeFiles().isEmpty()
            ? rules.composeFiles()
            : relativeTo(rules.projectDir(), request);
    return new PlanSources(
        rules.source(),
        ImmutableList.of(rules.ruleSet()),
        rules.graph(),
        DefinitionChanges.none(),
        ImmutableList.of(),
        files,
        request.projectName().or(rules::composeProject),
        rules.projectDir(),
        Optional.empty(),
        builtInDefault,
        builtInDefault ? Optional.empty() : Optional.of(rules));
  }

  private static PlanSources fromProject(
      DockerProject project,
      Optional<Rules> rules,
      DefinitionChanges definitions,
      Path top,
      PlanRequest request)
      throws ProjectException {
    String compose = String.join(", ", project.compose().files()) + " and its Dockerfiles";
    ImmutableList.Builder<RuleSet> ruleSets = ImmutableList.builder();
    rules.ifPresent(r -> ruleSets.add(r.ruleSet()));
    ruleSets.add(project.toRuleSet());
    Path projectDir = top.resolve(project.compose().directory()).normalize();
    return new PlanSources(
        rules.map(r -> compose + ", with rules " + r.source()).orElse(compose),
        ruleSets.build(),
        mergedGraph(project, rules),
        definitions,
        project.warnings(),
        request.composeFiles().isEmpty() ? ImmutableList.of() : relativeTo(projectDir, request),
        request.projectName().or(() -> rules.flatMap(Rules::composeProject)),
        projectDir,
        Optional.of(project),
        false,
        rules);
  }

  /** The compose project's images, plus what the rules file declares; FROM edges of both. */
  private static ImageGraph mergedGraph(DockerProject project, Optional<Rules> rules)
      throws ProjectException {
    Map<String, Image> images = new LinkedHashMap<>();
    project.images().forEach(image -> images.put(image.name(), image));
    if (rules.isPresent()) {
      ImageGraph declared = rules.get().graph();
      for (String name : declared.names()) {
        Image fromRules = declared.image(name);
        Image fromCompose = images.get(name);
        images.put(
            name,
            fromCompose == null
                ? fromRules
                : new Image(
                    name,
                    ImmutableSet.<String>builder()
                        .addAll(fromCompose.parents())
                        .addAll(fromRules.parents())
                        .build(),
                    fromCompose.built()));
      }
    }
    try {
      return ImageGraph.of(images.values());
    } catch (IllegalArgumentException e) {
      throw new ProjectException(
          e.getMessage()
              + " (from the compose project's Dockerfiles"
              + rules.map(r -> " and " + r.source()).orElse("")
              + ")");
    }
  }

  private static ImmutableList<String> relativeTo(Path folder, PlanRequest request) {
    List<String> files = new ArrayList<>();
    for (String file : request.composeFiles()) {
      Path absolute = request.workDir().resolve(file).toAbsolutePath().normalize();
      files.add(
          absolute.startsWith(folder)
              ? folder.relativize(absolute).toString()
              : absolute.toString());
    }
    return ImmutableList.copyOf(files);
  }

  Map<String, ImmutableList<Reason>> forced() {
    return ImmutableMap.copyOf(definitionChanges.rebuild());
  }
}
