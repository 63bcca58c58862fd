package com.complaintdesk.similarity;

import com.complaintdesk.complaint.ComplaintStatus;

/**
 * A complaint whose text resembles another's: its tracking number, where it stands, its settled category (null
 * while not settled) and how close it is (Lucene's score; only comparable within one search).
 */
public record SimilarComplaint(String trackingNumber, ComplaintStatus status, String category, float score) {
}
