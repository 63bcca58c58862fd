package com.complaintdesk.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nodes a test started on its database, their logs in {@code target/cluster-it/<test>/}; closing stops every one
 * still running (before the database is dropped).
 */
final class ClusterNodes implements AutoCloseable {

  private final ClusterDatabase database;
  private final String test;
  private final List<ClusterNode> started = new ArrayList<>();

  ClusterNodes(ClusterDatabase database, Class<?> test) {
    this.database = database;
    this.test = test.getSimpleName();
  }

  ClusterNode start(String name, String... settings) {
    return start(name, Map.of(), settings);
  }

  /** With environment variables besides the database's, the admin's and the public address. */
  ClusterNode start(String name, Map<String, String> variables, String... settings) {
    var node = ClusterNode.start(test, name, database, variables, settings);
    started.add(node);
    return node;
  }

  @Override
  public void close() {
    // SIGTERM to all first, so that they stop side by side
    started.parallelStream().forEach(ClusterNode::close);
  }
}
