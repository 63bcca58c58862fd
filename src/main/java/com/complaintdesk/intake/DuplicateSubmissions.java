package com.complaintdesk.intake;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.SameContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the open complaint a new submission repeats: one from the same contact ({@link SameContact}), received
 * within {@code complaint-desk.intake.duplicate-window} before it, still open (not CLOSED, WITHDRAWN or
 * DUPLICATE: a closed complaint is answered, a new submission about it is news), with nearly the same text
 * ({@link TextSimilarity} at least {@code complaint-desk.intake.duplicate-similarity}).
 *
 * <p>A text is compared as the complainant wrote it (subject and description, or the raw message a channel
 * brought) and, for a staff-captured complaint already logged, also as the agent logged it; the best pair
 * counts. Of several open complaints it repeats, it joins the most similar, the earliest on a tie.
 *
 * <p>Two repeats that arrive at the same moment may both miss each other (neither is committed yet) and open
 * two complaints; triage still marks such a duplicate in "Review classification".
 */
@Component
class DuplicateSubmissions {

  private final ComplaintRepository complaints;
  private final IntakeProperties properties;

  DuplicateSubmissions(ComplaintRepository complaints, IntakeProperties properties) {
    this.complaints = complaints;
    this.properties = properties;
  }

  /** The open complaint and how similar the texts were. */
  record Match(Complaint openComplaint, double similarity) {
  }

  Optional<Match> openComplaintRepeatedBy(ComplaintIntake.Submission submission, Instant receivedAt) {
    Contact contact = submission.contact();
    if (!properties.linksDuplicates() || (SameContact.email(contact) == null && SameContact.phoneKey(contact) == null)) {
      return Optional.empty();
    }
    List<String> texts = texts(submission.subject(), submission.description(), submission.rawText());
    if (texts.isEmpty()) {
      return Optional.empty();
    }
    return complaints.findOpenReceivedSince(receivedAt.minus(properties.duplicateWindow()), contact)
        .stream()
        .filter(open -> SameContact.as(contact, open.contact()))
        .map(open -> new Match(open, bestSimilarity(texts, texts(open.subject(), open.description(), open.rawText()))))
        .filter(match -> match.similarity() >= properties.duplicateSimilarity())
        .max(Comparator.comparingDouble(Match::similarity).thenComparing(match -> match.openComplaint().receivedAt(),
            Comparator.reverseOrder()));
  }

  private static double bestSimilarity(List<String> texts, List<String> others) {
    double best = 0;
    for (String text : texts) {
      for (String other : others) {
        best = Math.max(best, TextSimilarity.of(text, other));
      }
    }
    return best;
  }

  /** The complaint's texts worth comparing: subject with description, and the raw message. */
  private static List<String> texts(String subject, String description, String rawText) {
    var texts = new ArrayList<String>();
    String written = String.join(" ", nonNull(subject), nonNull(description)).strip();
    if (!written.isEmpty()) {
      texts.add(written);
    }
    if (rawText != null && !rawText.isBlank()) {
      texts.add(rawText);
    }
    return texts;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
