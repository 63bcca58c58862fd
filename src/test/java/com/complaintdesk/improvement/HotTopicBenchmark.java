package com.complaintdesk.improvement;

import com.complaintdesk.demo.ComplaintHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long the hourly hot-topic watch takes to count: fills a database with the complaints of five weeks (the window
 * and its four baseline weeks), each with the keywords a text of about 40 words leaves (15 of a vocabulary of 5,000,
 * the common words much more often than the rare ones), plants a burst of one keyword in the last days, and times
 * {@link TopicCounts#rising}, the watch's one big query, which puts every rising topic to the rule. Prints a table
 * and writes it to bench/results/hot-topics.md.
 *
 * <pre>
 * mvn -q test-compile exec:java@bench-hot-topics                          # 100,000 complaints, H2 in memory
 * mvn -q test-compile exec:java@bench-hot-topics -Dbench.complaints=20000
 * mvn -q test-compile exec:java@bench-hot-topics -Dbench.url=jdbc:postgresql://127.0.0.1:5432/bench -Dbench.user=postgres
 * </pre>
 */
public final class HotTopicBenchmark {

  static final int VOCABULARY = 5_000;
  static final int KEYWORDS_PER_COMPLAINT = 15;
  static final int BURST = 60;
  static final String BURST_KEYWORD = "coupon";
  static final int RUNS = 5;

  private HotTopicBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int complaints = Integer.getInteger("bench.complaints", 100_000);
    String url = System.getProperty("bench.url", "jdbc:h2:mem:hot-topics;DB_CLOSE_DELAY=-1");
    var dataSource = new SingleConnectionDataSource(url, System.getProperty("bench.user", "sa"),
        System.getProperty("bench.password", ""), true);
    try {
      String report = run(dataSource, complaints, Instant.now());
      System.out.print(report);
      Path results = Path.of("bench", "results", "hot-topics.md");
      Files.createDirectories(results.getParent());
      Files.writeString(results, report);
    } finally {
      dataSource.destroy();
    }
  }

  static String run(SingleConnectionDataSource dataSource, int complaints, Instant now) throws SQLException {
    Flyway.configure().dataSource(dataSource).table("complaint_desk_schema_history").baselineOnMigrate(true).load()
        .migrate();
    var jdbc = JdbcClient.create(dataSource);
    long filling = System.nanoTime();
    new ComplaintHistory(dataSource, 42, now).generate(complaints, 35);
    int keywordRows = addKeywords(jdbc, new JdbcTemplate(dataSource), now);
    double fillSeconds = (System.nanoTime() - filling) / 1e9;

    var counts = new TopicCounts(jdbc);
    List<TopicCount> rising = List.of();
    long[] nanos = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      // a moment later each time, as the hourly watch asks: H2 would give back the same question's cached result
      Instant asked = now.plusMillis(run);
      long started = System.nanoTime();
      rising = counts.rising(asked.minus(Duration.ofDays(7)), asked, 4);
      nanos[run] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    var burst = rising.stream().filter(count -> BURST_KEYWORD.equals(count.topic().keyword())).findFirst();
    long risenThreefold = rising.stream().filter(count -> count.recent() >= 20 && count.rise().doubleValue() >= 3)
        .count();

    var report = new StringBuilder();
    report.append("# Hot-topic watch: counting\n\n");
    report.append("`mvn -q test-compile exec:java@bench-hot-topics` (").append(dataSource.getUrl().split(";")[0])
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores), ").append(now).append("\n\n");
    report.append("| | |\n|---|---|\n");
    row(report, "complaints in the five weeks counted", "%,d", complaints + BURST);
    row(report, "keyword rows (complaint_keyword)", "%,d", keywordRows);
    row(report, "filled in", "%.0f s", fillSeconds);
    row(report, "topics that rose (put to hot-topic-alert)", "%,d", rising.size());
    row(report, "of them at least 20 and three times the average", "%,d", risenThreefold);
    row(report, "the planted burst (" + BURST + " complaints on \"" + BURST_KEYWORD + "\")", "%s",
        burst.map(count -> count.recent() + " in the window, rise " + count.rise()).orElse("NOT FOUND"));
    row(report, "counting, median of " + RUNS, "%.0f ms", nanos[RUNS / 2] / 1e6);
    row(report, "counting, slowest", "%.0f ms", nanos[RUNS - 1] / 1e6);
    return report.toString();
  }

  private static void row(StringBuilder report, String what, String format, Object value) {
    report.append("| ").append(what).append(" | ").append(String.format(Locale.ROOT, format, value)).append(" |\n");
  }

  /**
   * Keywords for every complaint (Zipf-like: word n comes about 1/n as often as the first), and the burst: complaints
   * of the last three days, of one category, that all name the burst's keyword.
   */
  private static int addKeywords(JdbcClient jdbc, JdbcTemplate batch, Instant now) {
    var random = new Random(7);
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int word = 0; word < VOCABULARY; word++) {
      sum += 1.0 / (word + 1);
      cumulative[word] = sum;
    }
    List<Long> ids = jdbc.sql("select id from complaint").query(Long.class).list();
    List<Object[]> rows = new ArrayList<>();
    for (long id : ids) {
      var words = new java.util.HashSet<Integer>();
      while (words.size() < KEYWORDS_PER_COMPLAINT) {
        int word = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
        words.add(word < 0 ? -word - 1 : word);
      }
      words.forEach(word -> rows.add(new Object[] {id, "word" + word}));
    }
    long nextId = ids.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    for (int i = 0; i < BURST; i++) {
      long id = nextId + i;
      var received = java.sql.Timestamp.from(now.minus(Duration.ofHours(1 + i)));
      jdbc.sql("""
              insert into complaint (id, tracking_number, access_token, channel, received_at, locale, status, category,
                created_at, updated_at)
              values (:id, :tn, 'token', 'WEB_FORM', :at, 'en', 'CLASSIFIED', 'PRICE', :at, :at)
              """)
          .param("id", id).param("tn", "CD-BURST" + String.format("%05d", i)).param("at", received).update();
      rows.add(new Object[] {id, BURST_KEYWORD});
    }
    batch.batchUpdate("insert into complaint_keyword (complaint_id, keyword) values (?, ?)", rows);
    return rows.size();
  }
}
