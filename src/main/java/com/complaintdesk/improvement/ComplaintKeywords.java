package com.complaintdesk.improvement;

import com.complaintdesk.similarity.ComplaintAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The words of a complaint that topics are counted by (table complaint_keyword): each distinct word of its text once,
 * as {@link ComplaintAnalyzer#readableWords()} gives them, without numbers and one- or two-letter Latin words.
 * Recorded when the complaint is logged; erased with its text.
 */
@Repository
public class ComplaintKeywords {

  /** A long text counts by its first words; the rest adds little to a topic and much to the table. */
  static final int MOST_PER_COMPLAINT = 60;
  static final int LONGEST = 60;

  private static final Analyzer WORDS = ComplaintAnalyzer.readableWords();

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ComplaintKeywords(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public void record(long complaintId, String text) {
    List<String> keywords = List.copyOf(keywordsOf(text));
    jdbc.sql("delete from complaint_keyword where complaint_id = :id").param("id", complaintId).update();
    batch.batchUpdate("insert into complaint_keyword (complaint_id, keyword) values (?, ?)", keywords, keywords.size(),
        (statement, keyword) -> {
          statement.setLong(1, complaintId);
          statement.setString(2, keyword);
        });
  }

  public void erase(long complaintId) {
    jdbc.sql("delete from complaint_keyword where complaint_id = :id").param("id", complaintId).update();
  }

  static Set<String> keywordsOf(String text) {
    Set<String> keywords = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return keywords;
    }
    try (TokenStream words = WORDS.tokenStream("text", text)) {
      CharTermAttribute word = words.addAttribute(CharTermAttribute.class);
      words.reset();
      while (words.incrementToken() && keywords.size() < MOST_PER_COMPLAINT) {
        String keyword = word.toString();
        if (isTopicWord(keyword)) {
          keywords.add(keyword);
        }
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot split a complaint text into words", e);
    }
    return keywords;
  }

  private static boolean isTopicWord(String word) {
    if (word.length() > LONGEST || word.codePoints().noneMatch(Character::isLetter)) {
      return false;
    }
    boolean latin = word.codePoints().allMatch(c -> c < 0x2E80);
    return !latin || word.length() >= 3;
  }
}
