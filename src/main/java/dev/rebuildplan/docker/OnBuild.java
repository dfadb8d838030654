package dev.rebuildplan.docker;

/**
 * An {@code ONBUILD} trigger: it runs in builds that start FROM this image, so it is no input of
 * this one.
 *
 * @param stage the index of the stage it belongs to
 * @param instruction the triggered instruction as written, such as {@code COPY . /app}
 * @param line the ONBUILD's line
 */
public record OnBuild(int stage, String instruction, int line) {}
