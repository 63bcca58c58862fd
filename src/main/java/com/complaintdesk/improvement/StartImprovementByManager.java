package com.complaintdesk.improvement;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint manager starts an improvement action for a category, a keyword within it, or a set of complaints (by
 * their tracking numbers), and names the department that owns it. Everything is checked before anything starts.
 * Without tracking numbers the action is about the topic's complaints of the last window, as an alert's is.
 */
@Service
public class StartImprovementByManager {

  private final ImprovementActions improvements;
  private final ComplaintRepository complaints;
  private final Catalogue catalogue;
  private final TopicCounts counts;
  private final ImprovementProperties properties;

  StartImprovementByManager(ImprovementActions improvements, ComplaintRepository complaints, Catalogue catalogue,
      TopicCounts counts, ImprovementProperties properties) {
    this.improvements = improvements;
    this.complaints = complaints;
    this.catalogue = catalogue;
    this.counts = counts;
    this.properties = properties;
  }

  /**
   * What the manager entered.
   *
   * @param keyword optional: one word of the complaints' texts
   * @param trackingNumbers optional: tracking numbers separated by commas or spaces
   */
  public record Request(String category, String keyword, String department, String trackingNumbers) {
  }

  /** @throws InvalidImprovementStart for an unknown category, department or tracking number, or a keyword of no word */
  @Transactional
  public ImprovementAction start(Request request, String manager, Instant now) {
    String category = known("category", request.category(), catalogue.categoryIds());
    String department = known("department", request.department(), catalogue.departmentIds());
    Topic topic = Topic.of(category, keyword(request.keyword()));
    List<Long> named = complaintIds(request.trackingNumbers());
    List<Long> about = named.isEmpty()
        ? counts.complaints(topic, now.minus(properties.window()), now, properties.linkedComplaints()) : named;
    return improvements.start(new ImprovementActions.Start(topic, department, about, manager, null), now);
  }

  private static String known(String field, String value, List<String> ids) {
    if (value == null || !ids.contains(value.strip())) {
      throw new InvalidImprovementStart("Choose a " + field + " of the catalogue: " + String.join(", ", ids) + ".");
    }
    return value.strip();
  }

  // Counted as the keywords of the complaints are recorded: lower case, plurals folded ("Refunds" is "refund").
  private static String keyword(String keyword) {
    if (keyword == null || keyword.isBlank()) {
      return null;
    }
    Set<String> words = ComplaintKeywords.keywordsOf(keyword);
    if (words.size() != 1) {
      throw new InvalidImprovementStart("The keyword must be one word of the complaints' texts, such as refund (not '"
          + keyword.strip() + "'); leave it empty for the whole category.");
    }
    return words.iterator().next();
  }

  private List<Long> complaintIds(String trackingNumbers) {
    if (trackingNumbers == null || trackingNumbers.isBlank()) {
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>(Arrays.asList(trackingNumbers.strip().split("[\\s,;]+")));
    List<Long> ids = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String number : numbers) {
      Optional<Complaint> complaint = complaints.findByTrackingNumber(number.toUpperCase(java.util.Locale.ROOT));
      complaint.ifPresentOrElse(found -> ids.add(found.id()), () -> unknown.add(number));
    }
    if (!unknown.isEmpty()) {
      throw new InvalidImprovementStart((unknown.size() == 1 ? "No complaint has the tracking number "
          : "No complaints have the tracking numbers ") + String.join(", ", unknown)
          + ": check them (they look like CD-7K3M9Q2X4B), or leave them out.");
    }
    return ids;
  }
}
