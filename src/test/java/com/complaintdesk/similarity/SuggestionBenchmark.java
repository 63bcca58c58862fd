package com.complaintdesk.similarity;

import com.complaintdesk.similarity.LabelledComplaints.Labelled;
import com.complaintdesk.similarity.LabelledComplaints.Language;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * How good and how fast the suggested classification is (tracker issue 12): precision and recall of the suggested
 * category on a held-out fifth of a generated labelled set ({@link LabelledComplaints}), in English and in Chinese,
 * for every suggestion and for the trusted ones (confidence 0.8 or more, what complaint-category uses); then the
 * time per suggestion (the suggestion and the similar complaints, as {@code SuggestClassification} asks for them)
 * with 100,000 settled complaints indexed. Prints a table and writes it to bench/results/suggestions.md and .json.
 *
 * <pre>
 * mvn -q test-compile exec:java@bench-suggestions
 * mvn -q test-compile exec:java@bench-suggestions -Dbench.indexed=20000 -Dbench.per-category=50
 * </pre>
 */
public final class SuggestionBenchmark {

  static final double TRUSTED = 0.8;

  /** What to measure. */
  record Settings(int perCategory, int indexed, int timed, Path workDirectory, Path results, String name) {

    static Settings fromSystemProperties() {
      return new Settings(Integer.getInteger("bench.per-category", 200), Integer.getInteger("bench.indexed", 100_000),
          Integer.getInteger("bench.timed", 1_000), Path.of("target", "bench", "suggestions"),
          Path.of(System.getProperty("bench.results", "bench/results")),
          System.getProperty("bench.name", "suggestions"));
    }
  }

  /** The suggestions for one language's held-out complaints. */
  record Quality(String language, int learnt, int asked, int made, int correct, int trusted, int trustedCorrect) {

    double precision() {
      return made == 0 ? 0 : (double) correct / made;
    }

    double recall() {
      return (double) correct / asked;
    }

    double trustedPrecision() {
      return trusted == 0 ? 0 : (double) trustedCorrect / trusted;
    }

    double trustedRecall() {
      return (double) trustedCorrect / asked;
    }
  }

  /** Indexing and asking at one size. */
  record Speed(int indexed, double indexingSeconds, int asked, double medianMillis, double p95Millis,
      double p99Millis) {
  }

  record Results(Instant measured, List<Quality> quality, Speed speed) {
  }

  private SuggestionBenchmark() {
  }

  public static void main(String[] args) throws IOException {
    var settings = Settings.fromSystemProperties();
    var results = run(settings);
    String markdown = markdown(settings, results);
    System.out.println(markdown);
    Files.createDirectories(settings.results());
    Files.writeString(settings.results().resolve(settings.name() + ".md"), markdown);
    Files.writeString(settings.results().resolve(settings.name() + ".json"), json(results));
    System.out.println("Written to " + settings.results().resolve(settings.name() + ".md") + " and .json");
  }

  static Results run(Settings settings) throws IOException {
    List<Quality> quality = new ArrayList<>();
    for (Language language : Language.values()) {
      quality.add(quality(language, settings.perCategory(), fresh(settings.workDirectory().resolve(language.name()))));
    }
    var speed = speed(settings.indexed(), settings.timed(), fresh(settings.workDirectory().resolve("speed")));
    return new Results(Instant.now(), quality, speed);
  }

  /**
   * Learns from the complaints in four of each category's five wordings, with a twentieth of them settled wrongly
   * (as triage sometimes does), and asks for the complaints in the fifth wording: a new way of putting a known
   * problem, which shares only the details and the padding with what was learnt.
   */
  static Quality quality(Language language, int perCategory, Path directory) throws IOException {
    List<Labelled> set = LabelledComplaints.generate(language, perCategory, 42);
    int heldOut = LabelledComplaints.WORDINGS - 1;
    List<Labelled> learnt = set.stream().filter(complaint -> complaint.wording() != heldOut).toList();
    List<Labelled> asked = set.stream().filter(complaint -> complaint.wording() == heldOut).toList();
    List<String> categories = set.stream().map(Labelled::category).distinct().sorted().toList();
    var random = new Random(7);
    var table = new ComplaintTable();
    for (Labelled complaint : learnt) {
      String category = random.nextInt(20) == 0 ? categories.get(random.nextInt(categories.size()))
          : complaint.category();
      table.settled(complaint.text(), category, LabelledComplaints.DEPARTMENTS.get(category));
    }
    var index = new ComplaintIndex(table, properties(directory));
    try {
      index.catchUp();
      var suggestions = new ClassificationSuggestions(index, properties(directory));
      int made = 0;
      int correct = 0;
      int trusted = 0;
      int trustedCorrect = 0;
      for (Labelled complaint : asked) {
        var suggestion = suggestions.suggest(complaint.text(), "CD-ASKED");
        boolean right = complaint.category().equals(suggestion.category());
        if (suggestion.category() != null) {
          made++;
          correct += right ? 1 : 0;
        }
        if (suggestion.categoryConfidence() >= TRUSTED) {
          trusted++;
          trustedCorrect += right ? 1 : 0;
        }
      }
      return new Quality(language == Language.ENGLISH ? "English" : "Chinese", learnt.size(), asked.size(), made,
          correct, trusted, trustedCorrect);
    } finally {
      index.destroy();
    }
  }

  static Speed speed(int indexed, int asked, Path directory) throws IOException {
    var table = new ComplaintTable();
    int perCategory = Math.max(1, indexed / 14);
    for (Language language : Language.values()) {
      LabelledComplaints.generate(language, perCategory, language.ordinal() + 1).forEach(complaint -> table.settled(
          complaint.text(), complaint.category(), LabelledComplaints.DEPARTMENTS.get(complaint.category())));
    }
    var index = new ComplaintIndex(table, properties(directory));
    try {
      long started = System.nanoTime();
      index.catchUp();
      index.commit();
      double indexingSeconds = (System.nanoTime() - started) / 1e9;
      var suggestions = new ClassificationSuggestions(index, properties(directory));
      var similar = new SimilarComplaints(index, properties(directory));
      List<Labelled> questions = new ArrayList<>();
      for (Language language : Language.values()) {
        questions.addAll(LabelledComplaints.generate(language, Math.max(1, asked / 14), 100 + language.ordinal()));
      }
      for (Labelled warmUp : questions.subList(0, Math.min(100, questions.size()))) {
        suggestions.suggest(warmUp.text(), "CD-ASKED");
        similar.similarTo(warmUp.text(), "CD-ASKED");
      }
      double[] millis = new double[questions.size()];
      for (int i = 0; i < questions.size(); i++) {
        long askedAt = System.nanoTime();
        suggestions.suggest(questions.get(i).text(), "CD-ASKED");
        similar.similarTo(questions.get(i).text(), "CD-ASKED");
        millis[i] = (System.nanoTime() - askedAt) / 1e6;
      }
      Arrays.sort(millis);
      return new Speed(table.size(), indexingSeconds, millis.length, percentile(millis, 50), percentile(millis, 95),
          percentile(millis, 99));
    } finally {
      index.destroy();
    }
  }

  private static double percentile(double[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
  }

  private static SimilarityProperties properties(Path directory) {
    return new SimilarityProperties(directory, 10, 5, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10));
  }

  private static Path fresh(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var paths = Files.walk(directory)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(directory);
  }

  static String markdown(Settings settings, Results results) {
    var out = new StringBuilder();
    out.append("# Suggested classification: quality and speed\n\n");
    out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %.1f GB max heap, Java %s (%s), Lucene %s.%n%n",
        results.measured().toString().substring(0, 16) + "Z", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e9, System.getProperty("java.version"),
        ManagementFactory.getRuntimeMXBean().getVmName(), org.apache.lucene.util.Version.LATEST));
    out.append(String.format(Locale.ROOT, "Quality: a generated labelled set (%d complaints per category and language,"
        + " seven categories, five wordings each; src/test/java/com/complaintdesk/similarity/LabelledComplaints.java)."
        + " Learnt as settled: the complaints in four of the five wordings of each category, one in twenty of them"
        + " settled in a wrong category; asked: those in the fifth wording, which shares only details (features,"
        + " actions, places) and padding with what was learnt. Precision: right among the suggestions made; recall:"
        + " right among all asked. Trusted: confidence %.1f or more, what complaint-category uses.%n%n",
        settings.perCategory(), TRUSTED));
    out.append("| language | learnt | asked | suggestions | precision | recall | trusted | precision trusted |"
        + " recall trusted |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Quality quality : results.quality()) {
      out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.2f | %.2f | %,d | %.2f | %.2f |%n",
          quality.language(), quality.learnt(), quality.asked(), quality.made(), quality.precision(), quality.recall(),
          quality.trusted(), quality.trustedPrecision(), quality.trustedRecall()));
    }
    Speed speed = results.speed();
    out.append(String.format(Locale.ROOT, "%nSpeed: %,d settled complaints indexed (English and Chinese, generated"
        + " alike) in %.1f s; then %,d complaints asked one after the other, each the suggestion and the similar"
        + " complaints (what SuggestClassification asks), after 100 unmeasured:%n%n", speed.indexed(),
        speed.indexingSeconds(), speed.asked()));
    out.append("| indexed | per suggestion, median | p95 | p99 |\n|---:|---:|---:|---:|\n");
    out.append(String.format(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.2f ms |%n", speed.indexed(),
        speed.medianMillis(), speed.p95Millis(), speed.p99Millis()));
    return out.toString();
  }

  static String json(Results results) {
    String quality = results.quality().stream().map(q -> String.format(Locale.ROOT,
        "{\"language\": \"%s\", \"learnt\": %d, \"asked\": %d, \"suggestions\": %d, \"precision\": %.4f,"
            + " \"recall\": %.4f, \"trusted\": %d, \"trustedPrecision\": %.4f, \"trustedRecall\": %.4f}",
        q.language(), q.learnt(), q.asked(), q.made(), q.precision(), q.recall(), q.trusted(), q.trustedPrecision(),
        q.trustedRecall())).collect(Collectors.joining(",\n    "));
    Speed s = results.speed();
    return String.format(Locale.ROOT, "{%n  \"measured\": \"%s\",%n  \"cores\": %d,%n  \"java\": \"%s\",%n"
            + "  \"quality\": [%n    %s%n  ],%n  \"speed\": {\"indexed\": %d, \"indexingSeconds\": %.2f, \"asked\": %d,"
            + " \"medianMillis\": %.3f, \"p95Millis\": %.3f, \"p99Millis\": %.3f}%n}%n",
        results.measured(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), quality,
        s.indexed(), s.indexingSeconds(), s.asked(), s.medianMillis(), s.p95Millis(), s.p99Millis());
  }
}
