package com.complaintdesk.config;

import java.util.List;

/** The production profile was started without the settings it cannot run safely without. */
class ProductionSettingsMissing extends IllegalStateException {

  private final List<String> problems;

  ProductionSettingsMissing(List<String> problems) {
    super("The production profile cannot start: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
