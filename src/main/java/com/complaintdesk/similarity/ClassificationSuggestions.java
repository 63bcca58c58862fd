package com.complaintdesk.similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Service;

/**
 * Suggests a category and a department for a complaint text, learnt from the complaints whose classification was
 * settled (by triage, or by the department that took the complaint on): the k most similar settled complaints
 * ({@code complaint-desk.similarity.neighbours}, 10) vote, each with its closeness relative to the closest one.
 * The confidence is the winner's votes divided by k: it reaches 0.8 only when most of k close complaints agree, so a
 * single settled complaint, however similar, never makes a trusted suggestion. The category DMN decides what is
 * trusted.
 */
@Service
public class ClassificationSuggestions {

  private final ComplaintIndex index;
  private final SimilarityProperties properties;

  public ClassificationSuggestions(ComplaintIndex index, SimilarityProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  public Suggestion suggest(String text, String ownTrackingNumber) {
    if (text == null || text.isBlank()) {
      return Suggestion.NONE;
    }
    return index.search(searcher -> {
      var neighbours = settledNeighbours(searcher, text, ownTrackingNumber);
      var category = vote(neighbours, Neighbour::category);
      var department = vote(neighbours, Neighbour::department);
      return new Suggestion(category.winner, category.confidence, department.winner, department.confidence);
    });
  }

  /** A settled complaint close to the text: its closeness relative to the closest one, and how it was settled. */
  private record Neighbour(double closeness, String category, String department) {
  }

  private List<Neighbour> settledNeighbours(IndexSearcher searcher, String text, String ownTrackingNumber)
      throws IOException {
    var query = new BooleanQuery.Builder()
        .add(index.like(searcher, text, ownTrackingNumber), Occur.MUST)
        .add(new TermQuery(new Term(ComplaintIndex.SETTLED, ComplaintIndex.YES)), Occur.FILTER)
        .build();
    ScoreDoc[] hits = searcher.search(query, properties.neighbours()).scoreDocs;
    List<Neighbour> neighbours = new ArrayList<>();
    for (ScoreDoc hit : hits) {
      var document = searcher.storedFields().document(hit.doc);
      neighbours.add(new Neighbour(hit.score / hits[0].score, document.get(ComplaintIndex.CATEGORY),
          document.get(ComplaintIndex.DEPARTMENT)));
    }
    return neighbours;
  }

  private record Vote(String winner, double confidence) {
  }

  private Vote vote(List<Neighbour> neighbours, Function<Neighbour, String> settledAs) {
    if (neighbours.isEmpty()) {
      return new Vote(null, 0);
    }
    Map<String, Double> votes = new HashMap<>();
    neighbours.forEach(neighbour -> votes.merge(settledAs.apply(neighbour), neighbour.closeness(), Double::sum));
    var winner = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    return new Vote(winner.getKey(), Math.min(1, winner.getValue() / properties.neighbours()));
  }
}
