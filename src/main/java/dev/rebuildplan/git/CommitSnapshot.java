package dev.rebuildplan.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** The files of one commit, read from the object database; the work tree plays no part. */
final class CommitSnapshot implements Snapshot {
  private final Repository repository;
  private final RevTree tree;
  private final String label;

  CommitSnapshot(Repository repository, ObjectId commit) throws IOException {
    this.repository = repository;
    try (RevWalk walk = new RevWalk(repository)) {
      this.tree = walk.parseCommit(commit).getTree();
    }
    this.label = commit.abbreviate(7).name();
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
        return Optional.empty();
      }
      byte[] bytes = repository.open(walk.getObjectId(0)).getBytes();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Override
  public List<String> files(String folder) throws IOException {
    List<String> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(PathFilter.create(folder));
      }
      while (walk.next()) {
        files.add(walk.getPathString());
      }
    }
    return files;
  }

  @Override
  public boolean isFolder(String folder) throws IOException {
    String path = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    if (path.isEmpty()) {
      return true;
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      return walk != null && (walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
  }

  @Override
  public String label() {
    return label;
  }
}
