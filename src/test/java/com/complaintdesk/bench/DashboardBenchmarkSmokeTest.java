package com.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard benchmark, small: a few thousand generated complaints on in-memory H2, every view measured and
 * the results written. It keeps the benchmark from rotting; the numbers that matter come from the full run
 * (README, "Dashboard"), not from here.
 */
class DashboardBenchmarkSmokeTest {

  @TempDir Path results;

  @Test
  void generatesComplaintsAndMeasuresEveryView() throws Exception {
    var measured = DashboardBenchmark.run(new DashboardBenchmark.Settings(
        "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 3_000, 2, results));

    assertThat(measured).extracting(DashboardBenchmark.Measured::view)
        .containsExactlyElementsOf(DashboardBenchmark.views(java.time.LocalDate.now()).stream()
            .map(DashboardBenchmark.View::name).toList());
    assertThat(measured.get(measured.size() - 1).complaints()).as("two years hold every complaint")
        .isBetween(2_900L, 3_000L);
    assertThat(Files.readString(results.resolve("dashboard-h2-3000.md"))).contains("| two years (everything) |");
    assertThat(Files.readString(results.resolve("dashboard-h2-3000.json"))).contains("\"views\": [");
  }
}
