package com.complaintdesk.complaint;

public enum Priority {
  CRITICAL, HIGH, MEDIUM, LOW
}
