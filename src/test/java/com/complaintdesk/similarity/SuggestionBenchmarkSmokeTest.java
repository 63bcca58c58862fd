package com.complaintdesk.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suggestion benchmark at its smallest, in every build, so that it cannot rot. Its numbers mean little. */
class SuggestionBenchmarkSmokeTest {

  @TempDir Path directory;

  @Test
  void measuresQualityInBothLanguagesAndTheTimePerSuggestion() throws Exception {
    var settings = new SuggestionBenchmark.Settings(20, 500, 50, directory.resolve("work"), directory, "smoke");
    var results = SuggestionBenchmark.run(settings);

    assertThat(results.quality()).extracting(SuggestionBenchmark.Quality::language)
        .containsExactly("English", "Chinese");
    assertThat(results.quality()).allSatisfy(quality -> {
      assertThat(quality.asked() + quality.learnt()).isEqualTo(7 * 20);
      assertThat(quality.asked()).as("the fifth wording of each category").isPositive();
      assertThat(quality.made()).as("every asked complaint shares words with settled ones: a suggestion each")
          .isEqualTo(quality.asked());
    });
    assertThat(results.speed().indexed()).isEqualTo(2 * 7 * (500 / 14));
    assertThat(results.speed().medianMillis()).isPositive();
    assertThat(SuggestionBenchmark.markdown(settings, results)).contains("| English |", "| Chinese |", "| 490 |");
  }
}
