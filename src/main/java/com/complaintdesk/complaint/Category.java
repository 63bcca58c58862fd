package com.complaintdesk.complaint;

/** What a complaint is about: what the user declares, and what classification decides. */
public enum Category {
  FUNCTIONAL, EXPERIENCE, CONTENT, SERVICE, PRICE, TRANSACTION_DISPUTE, INFORMATION_SECURITY, OTHER
}
