package com.complaintdesk.similarity;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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
      var category = vote(searcher, neighbours, ComplaintIndex.CATEGORY);
      var department = vote(searcher, neighbours, ComplaintIndex.DEPARTMENT);
      return new Suggestion(category.winner, category.confidence, department.winner, department.confidence);
    });
  }

  private TopDocs settledNeighbours(IndexSearcher searcher, String text, String ownTrackingNumber) throws IOException {
    var moreLikeThis = SimilarComplaints.moreLikeThis(searcher.getIndexReader(), index.analyzer());
    var query = new BooleanQuery.Builder()
        .add(moreLikeThis.like(ComplaintIndex.TEXT, new StringReader(text)), Occur.MUST)
        .add(new TermQuery(new Term(ComplaintIndex.SETTLED, ComplaintIndex.YES)), Occur.FILTER)
        .add(new TermQuery(new Term(ComplaintIndex.TRACKING_NUMBER, ownTrackingNumber)), Occur.MUST_NOT)
        .build();
    return searcher.search(query, properties.neighbours());
  }

  private record Vote(String winner, double confidence) {
  }

  private Vote vote(IndexSearcher searcher, TopDocs neighbours, String field) throws IOException {
    if (neighbours.scoreDocs.length == 0) {
      return new Vote(null, 0);
    }
    float closest = neighbours.scoreDocs[0].score;
    Map<String, Double> votes = new HashMap<>();
    for (ScoreDoc neighbour : neighbours.scoreDocs) {
      String value = searcher.storedFields().document(neighbour.doc).get(field);
      votes.merge(value, (double) (neighbour.score / closest), Double::sum);
    }
    var winner = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    return new Vote(winner.getKey(), Math.min(1, winner.getValue() / properties.neighbours()));
  }
}
