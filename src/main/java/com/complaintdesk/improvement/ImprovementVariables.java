package com.complaintdesk.improvement;

/**
 * The names of the process improvement-action and its variables, as processes/contract.yaml lists them. Staff names
 * and texts only: an action is about a topic, never about a complainant.
 */
public final class ImprovementVariables {

  public static final String PROCESS_KEY = "improvement-action";

  /** The id of the row in improvement_action (the business key is its reference, IA-00012). */
  public static final String IMPROVEMENT_ID = "improvementId";
  public static final String TOPIC = "topic";
  public static final String CATEGORY = "category";
  public static final String KEYWORD = "keyword";
  public static final String DEPARTMENT = "department";
  public static final String DEPARTMENT_GROUP = "departmentGroup";
  public static final String FROM_HOT_TOPIC = "fromHotTopic";
  public static final String RECENT_COUNT = "recentCount";
  public static final String WEEKLY_AVERAGE = "weeklyAverage";
  public static final String LINKED_COMPLAINTS = "linkedComplaints";
  /** What the lead ticks in "Name owner"; the flows read {@link #ACTION_NEEDED}. */
  public static final String NO_ACTION_NEEDED = "noActionNeeded";
  public static final String ACTION_NEEDED = "actionNeeded";
  public static final String DECLINE_REASON = "declineReason";
  public static final String OWNER = "owner";
  public static final String PROPOSAL = "proposal";
  public static final String PROPOSAL_DUE_AT = "proposalDueAt";
  /** The due date the owner gives, as the form's date field sends it: 2026-12-24. */
  public static final String DUE_DATE = "dueDate";
  public static final String IMPROVEMENT_DUE_AT = "improvementDueAt";
  public static final String IMPROVEMENT_REMINDER_AT = "improvementReminderAt";
  public static final String OUTCOME = "outcome";
  public static final String OBSERVATION_PERIOD = "observationPeriod";
  public static final String VOLUME_BEFORE = "volumeBefore";
  public static final String VOLUME_AFTER = "volumeAfter";
  public static final String VERIFIED = "verified";
  public static final String VERIFICATION_NOTE = "verificationNote";

  private ImprovementVariables() {
  }
}
