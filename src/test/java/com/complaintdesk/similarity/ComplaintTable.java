package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The complaint table as the index reads it, held in memory: rows added and changed in the order of their changes. */
final class ComplaintTable extends ComplaintTexts {

  private final List<IndexedComplaint> rows = new ArrayList<>();
  private Instant clock = Instant.parse("2026-11-02T09:00:00Z");

  ComplaintTable() {
    super(null);
  }

  /** A complaint whose classification nobody has settled yet. */
  String open(String text) {
    return put(new IndexedComplaint(rows.size() + 1, "CD-" + (1000 + rows.size()), ComplaintStatus.LOGGED, text, null,
        null, tick()));
  }

  /** A complaint whose category and department triage or the department settled. */
  String settled(String text, String category, String department) {
    return put(new IndexedComplaint(rows.size() + 1, "CD-" + (1000 + rows.size()), ComplaintStatus.CLOSED, text,
        category, department, tick()));
  }

  /** Retention erased the complaint's texts. */
  void eraseTexts(String trackingNumber) {
    var row = row(trackingNumber);
    rows.set(rows.indexOf(row), new IndexedComplaint(row.id(), trackingNumber, row.status(), null, row.settledCategory(),
        row.settledDepartment(), tick()));
  }

  @Override
  List<IndexedComplaint> changedAfter(Instant updatedAt, long id, int limit) {
    return rows.stream()
        .filter(row -> row.updatedAt().isAfter(updatedAt) || row.updatedAt().equals(updatedAt) && row.id() > id)
        .sorted(Comparator.comparing(IndexedComplaint::updatedAt).thenComparing(IndexedComplaint::id))
        .limit(limit)
        .toList();
  }

  private String put(IndexedComplaint row) {
    rows.add(row);
    return row.trackingNumber();
  }

  private IndexedComplaint row(String trackingNumber) {
    return rows.stream().filter(row -> row.trackingNumber().equals(trackingNumber)).findFirst().orElseThrow();
  }

  private Instant tick() {
    clock = clock.plus(Duration.ofSeconds(1));
    return clock;
  }
}
