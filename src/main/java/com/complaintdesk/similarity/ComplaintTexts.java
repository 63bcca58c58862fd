package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the complaint table for the index: the complaints changed since a time, oldest change first. */
@Repository
class ComplaintTexts {

  private final JdbcClient jdbc;

  ComplaintTexts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Complaints changed after the given one (its time of change and id), in the order of their changes. */
  List<IndexedComplaint> changedAfter(Instant updatedAt, long id, int limit) {
    return jdbc.sql("""
            select id, tracking_number, status, subject, description, raw_text, category, department,
              classification_settled_at, updated_at
            from complaint where updated_at > :updatedAt or (updated_at = :updatedAt and id > :id)
            order by updated_at, id limit :limit
            """)
        .param("updatedAt", Timestamp.from(updatedAt))
        .param("id", id)
        .param("limit", limit)
        .query(ComplaintTexts::map)
        .list();
  }

  private static IndexedComplaint map(ResultSet row, int rowNumber) throws SQLException {
    boolean settled = row.getTimestamp("classification_settled_at") != null;
    return new IndexedComplaint(row.getLong("id"), row.getString("tracking_number"), ComplaintStatus.valueOf(row.getString("status")),
        ComplaintText.of(row.getString("subject"), row.getString("description"), row.getString("raw_text")),
        settled ? row.getString("category") : null, settled ? row.getString("department") : null,
        row.getTimestamp("updated_at").toInstant());
  }
}
