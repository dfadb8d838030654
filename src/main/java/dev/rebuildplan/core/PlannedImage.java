package dev.rebuildplan.core;

import com.google.common.collect.ImmutableList;

/** An image of a plan, the stage it builds in (1-based) and why it is there. */
public record PlannedImage(String name, int stage, ImmutableList<Reason> reasons) {}
