package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.stereotype.Service;

/** Finds the indexed complaints whose texts are most like a given text (Lucene's "more like this", BM25). */
@Service
public class SimilarComplaints {

  private final ComplaintIndex index;
  private final SimilarityProperties properties;

  public SimilarComplaints(ComplaintIndex index, SimilarityProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  /** The most similar complaints, open and resolved, best first, leaving out the complaint itself. */
  public List<SimilarComplaint> similarTo(String text, String ownTrackingNumber) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return index.search(searcher -> {
      Query query = new BooleanQuery.Builder()
          .add(likeText(searcher, text), Occur.MUST)
          .add(new TermQuery(new Term(ComplaintIndex.TRACKING_NUMBER, ownTrackingNumber)), Occur.MUST_NOT)
          .build();
      List<SimilarComplaint> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, properties.shown()).scoreDocs) {
        var document = searcher.storedFields().document(hit.doc);
        found.add(new SimilarComplaint(document.get(ComplaintIndex.TRACKING_NUMBER),
            ComplaintStatus.valueOf(document.get(ComplaintIndex.STATUS)), document.get(ComplaintIndex.CATEGORY),
            hit.score));
      }
      return found;
    });
  }

  private Query likeText(IndexSearcher searcher, String text) throws IOException {
    var moreLikeThis = moreLikeThis(searcher.getIndexReader(), index.analyzer());
    return moreLikeThis.like(ComplaintIndex.TEXT, new StringReader(text));
  }

  /**
   * "More like this" for short texts: every word counts, however rare in the text or in the index (Lucene's defaults
   * ignore words seen fewer than twice in the text or in fewer than five complaints).
   */
  static MoreLikeThis moreLikeThis(IndexReader reader, Analyzer analyzer) throws IOException {
    var moreLikeThis = new MoreLikeThis(reader);
    moreLikeThis.setAnalyzer(analyzer);
    moreLikeThis.setFieldNames(new String[] {ComplaintIndex.TEXT});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(1);
    moreLikeThis.setBoost(true);
    return moreLikeThis;
  }
}
