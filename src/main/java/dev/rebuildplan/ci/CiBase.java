package dev.rebuildplan.ci;

/**
 * Where a CI platform says a build's changes start.
 *
 * @param revision the revision to compare with: a SHA or a remote-tracking branch
 * @param mergeBase whether to diff from the merge base of {@code revision} and HEAD (like {@code
 *     --since}), or from {@code revision}'s own tree (like {@code --base})
 * @param why one line for the log: the platform, the event and the variable it came from
 */
public record CiBase(String revision, boolean mergeBase, String why) {}
