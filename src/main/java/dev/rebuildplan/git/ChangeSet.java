package dev.rebuildplan.git;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;

/**
 * The paths changed between two revisions, as the repository names them (relative to its top,
 * '/'-separated, never quoted).
 *
 * @param base what the user named as the base (a ref, a SHA), or empty for the working tree only
 * @param baseCommit the commit the diff starts from: the merge base for {@code --since}
 * @param head what the user named as the head
 * @param headCommit the head commit
 * @param mergeBases the merge bases used, for {@code --since}; empty otherwise
 * @param uncommitted whether staged, unstaged and untracked files are counted
 * @param paths every changed path: both sides of a rename, deleted paths, submodule paths
 */
public record ChangeSet(
    Optional<String> base,
    Optional<String> baseCommit,
    String head,
    String headCommit,
    ImmutableList<String> mergeBases,
    boolean uncommitted,
    ImmutableSortedSet<String> paths) {}
