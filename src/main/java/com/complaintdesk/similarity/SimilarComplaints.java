package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
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
      List<SimilarComplaint> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(index.like(searcher, text, ownTrackingNumber), properties.shown()).scoreDocs) {
        var document = searcher.storedFields().document(hit.doc);
        found.add(new SimilarComplaint(document.get(ComplaintIndex.TRACKING_NUMBER),
            ComplaintStatus.valueOf(document.get(ComplaintIndex.STATUS)), document.get(ComplaintIndex.CATEGORY),
            hit.score));
      }
      return found;
    });
  }
}
