package com.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node benchmark at its smallest: a node started from the test classpath (the jar does not exist yet when tests
 * run), two seconds of intake and of its floor at 2 clients, two seconds of lifecycles by 2 threads (each after
 * two seconds of warm-up), 20 overdue timers, growth from 3 sample lifecycles filled up to 500 complaints (the
 * scenarios before and the first intake step store about 250 by themselves: 200 needed no fill at times), and the
 * results written. It keeps
 * bench/run from rotting; its numbers mean nothing (bench/README.md). Most of its time is the node's start-up.
 */
class NodeBenchmarkSmokeTest {

  @TempDir Path work;

  @Test
  void measuresEveryScenarioBuiltAndWritesTheResults() throws Exception {
    // two seconds of warm-up and of each step: the node's first requests (cold code, its job executor busy with the
    // intake's classifications) take up to two seconds, and a floor of one second counted none at times
    var settings = new NodeBenchmark.Settings(2, 2, List.of(2), 20, new LinkedHashSet<>(List.of("f", "a", "b", "c", "d",
        "e")), null, "sa", "", null, applicationClasspath(), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
        work.resolve("run"), work.resolve("results"), "smoke", 2, 1, List.of(0, 500), 3, 1);

    var figures = NodeBenchmark.run(settings);

    assertThat(figures).filteredOn(Figure::measured).extracting(Figure::name).contains(
        "start-up to ready (process start until the home page answers)", "resident memory after start-up (VmRSS)",
        "intake at 2 clients: complaints/s", "intake at 2 clients: p99 latency",
        "resident memory under load a (highest VmRSS sampled)", "20 overdue timers: time until all fired",
        "20 overdue timers: worst lateness", "lifecycles submission to CLOSED (2 threads)",
        "complaints to their first wait, ours (2 threads)", "engine level: ours / bare engine",
        "rows per closed complaint: engine history (ACT_HI_*)", "bytes per closed complaint: all tables");
    assertThat(figures).extracting(Figure::name).anyMatch(name -> name.matches("fill to [0-9,]+ stored: rows copied.*"));
    assertThat(figures).filteredOn(f -> f.scenario().equals("e") && f.measured()).allSatisfy(e ->
        assertThat(e.value()).as(e.name()).isPositive());
    assertThat(figures).filteredOn(f -> f.name().matches("intake with [0-9,]+ stored \\(2 threads\\)")).hasSize(2);
    assertThat(figures).extracting(Figure::name)
        .anyMatch(name -> name.matches("intake with [0-9,]+ stored / with [0-9,]+ stored"));
    assertThat(figures).filteredOn(f -> f.name().startsWith("intake at 2 clients: complaints/s")).singleElement()
        .satisfies(intake -> {
          assertThat(intake.value()).isPositive();
          assertThat(intake.floor()).endsWith("starts/s").doesNotStartWith("0 ");
        });
    assertThat(figures).noneMatch(f -> f.name().contains("failed") || f.name().contains("not fired"));
    assertThat(figures).filteredOn(f -> f.name().equals(Growth.TARGET)).extracting(Figure::verdict)
        .containsExactly("not measured");
    assertThat(Files.readString(work.resolve("results/smoke.md")))
        .contains("| a | intake at 2 clients: complaints/s |", "| d | 20 overdue timers: time until all fired |",
            "## e: rows and bytes per closed complaint, by table", "| ACT_HI_PROCINST | engine history (ACT_HI_*) | 1 |");
    assertThat(Files.readString(work.resolve("results/smoke.json"))).contains("\"cores\"", "\"database\" : \"H2 ",
        "\"verdict\" : \"not measured\"");
  }

  /** The test JVM's classpath without the test classes: the application and its libraries. */
  private static String applicationClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
