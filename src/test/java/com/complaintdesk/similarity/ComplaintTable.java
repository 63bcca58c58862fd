package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The complaint table as the index reads it, held in memory: rows added and changed in the order of their changes. */
final class ComplaintTable extends ComplaintTexts {

  private static final Comparator<IndexedComplaint> ORDER_OF_CHANGES =
      Comparator.comparing(IndexedComplaint::updatedAt).thenComparingLong(IndexedComplaint::id);

  private final List<IndexedComplaint> rows = new ArrayList<>();
  private Instant clock = Instant.parse("2020-01-02T09:00:00Z");
  private long nextId = 1;

  ComplaintTable() {
    super(null);
  }

  /** A complaint whose classification nobody has settled yet. */
  String open(String text) {
    return put(new IndexedComplaint(nextId, "CD-" + (1000 + nextId), ComplaintStatus.LOGGED, text, null, null, tick()));
  }

  /** A complaint whose row was last changed at the given time, by a clock that may be ahead of this one's. */
  String openChangedAt(String text, Instant updatedAt) {
    return put(new IndexedComplaint(nextId, "CD-" + (1000 + nextId), ComplaintStatus.LOGGED, text, null, null,
        updatedAt));
  }

  /** A complaint whose category and department triage or the department settled. */
  String settled(String text, String category, String department) {
    return put(new IndexedComplaint(nextId, "CD-" + (1000 + nextId), ComplaintStatus.CLOSED, text, category, department,
        tick()));
  }

  /** Retention erased the complaint's texts: the row changes (and so moves to the end of the changes). */
  void eraseTexts(String trackingNumber) {
    var row = row(trackingNumber);
    rows.remove(row);
    insert(new IndexedComplaint(row.id(), trackingNumber, row.status(), null, row.settledCategory(),
        row.settledDepartment(), tick()));
  }

  /** The rows are kept in the order of their changes, as the index reads them. */
  @Override
  List<IndexedComplaint> changedAfter(Instant updatedAt, long id, int limit) {
    var after = new IndexedComplaint(id, null, null, null, null, null, updatedAt);
    int position = Collections.binarySearch(rows, after, ORDER_OF_CHANGES);
    int first = position >= 0 ? position + 1 : -position - 1;
    return List.copyOf(rows.subList(first, Math.min(rows.size(), first + limit)));
  }

  int size() {
    return rows.size();
  }

  private String put(IndexedComplaint row) {
    nextId++;
    insert(row);
    return row.trackingNumber();
  }

  private void insert(IndexedComplaint row) {
    rows.add(-Collections.binarySearch(rows, row, ORDER_OF_CHANGES) - 1, row);
  }

  private IndexedComplaint row(String trackingNumber) {
    return rows.stream().filter(row -> row.trackingNumber().equals(trackingNumber)).findFirst().orElseThrow();
  }

  private Instant tick() {
    clock = clock.plus(Duration.ofSeconds(1));
    return clock;
  }
}
