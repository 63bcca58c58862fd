package com.complaintdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The node benchmark's results: a table on stdout, and the same as Markdown and JSON under bench/results/. */
final class NodeBenchmarkReport {

  /** Where and on what the figures were measured. */
  record Machine(int cores, long memoryBytes, String os, String jvm, String database, String commit, Instant date) {

    static Machine here(String database) {
      return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(),
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
              + System.getProperty("java.vendor") + ")",
          database, gitCommit(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    String describe() {
      return String.format(Locale.ROOT, "%d cores, %.1f GB memory, %s, %s, %s", cores, memoryBytes / 1e9, os, jvm,
          database);
    }

    /** MemTotal of /proc/meminfo (Linux); elsewhere the JVM's idea of physical memory. */
    private static long totalMemory() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
          if (line.startsWith("MemTotal:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getTotalMemorySize() : -1;
    }

    /** The commit measured, "+ changes" when the working tree differs from it; "unknown" outside a git clone. */
    private static String gitCommit() {
      try {
        String commit = git("rev-parse", "--short=12", "HEAD");
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return commit.isEmpty() ? "unknown" : commit + (changes.isEmpty() ? "" : " + uncommitted changes");
      } catch (IOException | InterruptedException e) {
        return "unknown";
      }
    }

    private static String git(String... args) throws IOException, InterruptedException {
      var command = new ArrayList<String>();
      command.add("git");
      command.addAll(List.of(args));
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
    }
  }

  /** A part of the results too detailed for the table (e.g. e's rows and bytes per table): Markdown of its own. */
  record Section(String title, String markdown) {
  }

  private NodeBenchmarkReport() {
  }

  static String markdown(NodeBenchmark.Settings settings, Machine machine, List<Figure> figures, List<String> notes,
      List<Section> sections) {
    var md = new StringBuilder();
    md.append("# complaint-desk node benchmark (").append(machine.database().split(" ")[0]).append(")\n\n");
    md.append("Measured ").append(machine.date()).append(" at commit ").append(machine.commit()).append(" on ")
        .append(machine.describe()).append(".\n\n");
    md.append("Settings: ").append(settings.describe()).append(".\n\n");
    md.append("| scenario | figure | value | target | floor (same run) | |\n|---|---|---:|---|---|---|\n");
    for (var figure : figures) {
      String verdict = figure.verdict();
      md.append("| ").append(figure.scenario()).append(" | ").append(figure.name()).append(" | ")
          .append(figure.formattedValue()).append(" | ")
          .append(figure.target() == null ? "" : figure.target().describe(figure.unit())).append(" | ")
          .append(figure.floor() == null ? "" : figure.floor()).append(" | ")
          .append(verdict.equals("missed") ? "**missed**" : verdict.equals("no target") ? "" : verdict)
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n");
      notes.forEach(note -> md.append("- ").append(note).append("\n"));
    }
    sections.forEach(section -> md.append("\n## ").append(section.title()).append("\n\n").append(section.markdown()));
    return md.toString();
  }

  static String json(NodeBenchmark.Settings settings, Machine machine, List<Figure> figures, List<String> notes,
      List<Section> sections) throws IOException {
    var root = new LinkedHashMap<String, Object>();
    var machineJson = new LinkedHashMap<String, Object>();
    machineJson.put("cores", machine.cores());
    machineJson.put("memoryBytes", machine.memoryBytes());
    machineJson.put("os", machine.os());
    machineJson.put("jvm", machine.jvm());
    machineJson.put("database", machine.database());
    root.put("date", machine.date().toString());
    root.put("commit", machine.commit());
    root.put("machine", machineJson);
    root.put("settings", settings.describe());
    var list = new ArrayList<Map<String, Object>>();
    for (var figure : figures) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put("scenario", figure.scenario());
      entry.put("figure", figure.name());
      entry.put("value", figure.value());
      entry.put("unit", figure.unit());
      if (figure.target() != null) {
        entry.put("target", Map.of(figure.target().atLeast() ? "atLeast" : "atMost", figure.target().value()));
      }
      if (figure.floor() != null) {
        entry.put("floor", figure.floor());
      }
      entry.put("verdict", figure.verdict());
      list.add(entry);
    }
    root.put("figures", list);
    root.put("notes", notes);
    root.put("sections", sections.stream().map(s -> Map.of("title", s.title(), "markdown", s.markdown())).toList());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
  }

  /** Prints the table and writes {@code <name>.md} and {@code <name>.json}; returns the Markdown file. */
  static Path write(NodeBenchmark.Settings settings, Machine machine, List<Figure> figures, List<String> notes,
      List<Section> sections) throws IOException {
    String markdown = markdown(settings, machine, figures, notes, sections);
    System.out.println();
    System.out.print(markdown);
    Files.createDirectories(settings.results());
    String name = settings.resultName() != null ? settings.resultName()
        : "node-" + machine.database().split(" ")[0].toLowerCase(Locale.ROOT)
            + (settings.nodes() > 1 ? "-" + settings.nodes() + "-nodes" : "");
    Path md = settings.results().resolve(name + ".md");
    Files.writeString(md, markdown);
    Files.writeString(settings.results().resolve(name + ".json"), json(settings, machine, figures, notes, sections));
    System.out.println("Written to " + md + " and " + name + ".json");
    return md;
  }
}
