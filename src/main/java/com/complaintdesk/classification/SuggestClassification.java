package com.complaintdesk.classification;

import static com.complaintdesk.complaint.ComplaintVariables.*;

import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.similarity.ClassificationSuggestions;
import com.complaintdesk.similarity.ComplaintIndex;
import com.complaintdesk.similarity.ComplaintText;
import com.complaintdesk.similarity.SimilarComplaint;
import com.complaintdesk.similarity.SimilarComplaints;
import com.complaintdesk.similarity.Suggestion;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Before the rules classify a complaint: the complaints most like it, and the category and department that the
 * closest settled ones had, as variables for the category table (which decides whether to trust the suggestion)
 * and for the triage form. Only tracking numbers, ids and a number go into the variables. A failing index costs the
 * suggestion, not the complaint: the rules and triage classify it as they would without one.
 */
@Component("suggestClassification")
public class SuggestClassification implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SuggestClassification.class);

  private final ComplaintRepository complaints;
  private final ComplaintIndex index;
  private final ClassificationSuggestions suggestions;
  private final SimilarComplaints similarComplaints;

  public SuggestClassification(ComplaintRepository complaints, ComplaintIndex index,
      ClassificationSuggestions suggestions, SimilarComplaints similarComplaints) {
    this.complaints = complaints;
    this.index = index;
    this.suggestions = suggestions;
    this.similarComplaints = similarComplaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var complaint = complaints.get(execution.getProcessBusinessKey());
    String text = ComplaintText.of(complaint.subject(), complaint.description(), complaint.rawText());
    Suggestion suggestion = Suggestion.NONE;
    List<SimilarComplaint> similar = List.of();
    try {
      index.catchUpIfStale();
      suggestion = suggestions.suggest(text, complaint.trackingNumber());
      similar = similarComplaints.similarTo(text, complaint.trackingNumber());
    } catch (RuntimeException e) {
      log.warn("No suggested classification for {}: the similarity index failed", complaint.trackingNumber(), e);
    }
    execution.setVariable(SUGGESTED_CATEGORY, suggestion.category());
    execution.setVariable(SUGGESTED_DEPARTMENT, suggestion.department());
    execution.setVariable(SUGGESTION_CONFIDENCE, Math.round(suggestion.categoryConfidence() * 100) / 100.0);
    execution.setVariable(SIMILAR_COMPLAINTS, similar.isEmpty() ? null
        : similar.stream().map(SimilarComplaint::trackingNumber).collect(Collectors.joining(", ")));
  }
}
