package dev.rebuildplan.cli;

import dev.rebuildplan.git.ChangeSet;
import dev.rebuildplan.git.GitChanges;

/** Where a plan's changed paths come from: a diff, a CI platform's range, a push. */
@FunctionalInterface
interface ChangeReader {
  ChangeSet read(GitChanges git) throws Exception;
}
