package com.complaintdesk.bench;

import java.util.Locale;

/**
 * One measured figure of the node benchmark, with the target for it (if it has one) and the floor it is
 * measured against in the same run (if it has one). A figure not measured in this run has no value.
 */
record Figure(String scenario, String name, Double value, String unit, Target target, String floor) {

  /** The target a figure must reach: at least or at most a value. */
  record Target(boolean atLeast, double value) {

    static Target atLeast(double value) {
      return new Target(true, value);
    }

    static Target atMost(double value) {
      return new Target(false, value);
    }

    boolean metBy(double measured) {
      return atLeast ? measured >= value : measured <= value;
    }

    String describe(String unit) {
      return (atLeast ? "≥ " : "≤ ") + Figure.format(value) + (unit.isEmpty() ? "" : " " + unit);
    }
  }

  static Figure of(String scenario, String name, double value, String unit) {
    return new Figure(scenario, name, value, unit, null, null);
  }

  static Figure notMeasured(String scenario, String name, String unit, Target target) {
    return new Figure(scenario, name, null, unit, target, null);
  }

  Figure withTarget(Target target) {
    return new Figure(scenario, name, value, unit, target, floor);
  }

  Figure withFloor(String floor) {
    return new Figure(scenario, name, value, unit, target, floor);
  }

  boolean measured() {
    return value != null;
  }

  /** "met", "missed", "no target" or "not measured". */
  String verdict() {
    if (!measured()) {
      return "not measured";
    }
    if (target == null) {
      return "no target";
    }
    return target.metBy(value) ? "met" : "missed";
  }

  String formattedValue() {
    return measured() ? format(value) + (unit.isEmpty() ? "" : " " + unit) : "–";
  }

  static String format(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
  }
}
