package com.complaintdesk.complaint;

import java.util.Set;

/**
 * Names of the process variables of {@code complaint-handling}: the contract with the models and forms.
 * They hold ids, routing values and the texts a form shows; never contact details.
 */
public final class ComplaintVariables {

  public static final String PROCESS_KEY = "complaint-handling";

  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String CHANNEL = "channel";
  public static final String CAPTURED_BY_STAFF = "capturedByStaff";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String LOGGING_DUE_AT = "loggingDueAt";
  public static final String RAW_TEXT = "rawText";
  public static final String SUBJECT = "subject";
  public static final String DESCRIPTION = "description";
  public static final String DECLARED_TYPE = "declaredType";
  public static final String AFFECTED_USERS = "affectedUsers";
  public static final String SIMILAR_COMPLAINTS = "similarComplaints";
  public static final String SUGGESTED_CATEGORY = "suggestedCategory";
  public static final String SUGGESTED_DEPARTMENT = "suggestedDepartment";
  public static final String SUGGESTION_CONFIDENCE = "suggestionConfidence";
  public static final String CATEGORY = "category";
  public static final String PRIORITY = "priority";
  public static final String DEPARTMENT = "department";
  public static final String DEPARTMENT_GROUP = "departmentGroup";
  public static final String DUPLICATE_OF = "duplicateOf";
  public static final String MARKED_DUPLICATE = "markedDuplicate";
  public static final String RESPONSE_TIME = "responseTime";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String RESPONSE_REMINDER_AT = "responseReminderAt";
  public static final String HANDLER = "handler";
  public static final String HANDLER_OPTIONS = "handlerOptions";
  public static final String PLAN = "plan";
  public static final String PROGRESS_NOTE = "progressNote";
  public static final String LAST_PROGRESS_NOTE = "lastProgressNote";
  /** Task-local in ImplementPlan: the reply drafted from the template, as the handler edits it. */
  public static final String PROGRESS_REPLY = "progressReply";
  /** Task-local in ImplementPlan: true when the handler sends {@link #PROGRESS_REPLY} as the progress note. */
  public static final String SEND_PROGRESS_REPLY = "sendProgressReply";
  public static final String DONE = "done";
  public static final String MEASURES = "measures";
  public static final String EFFECT = "effect";
  public static final String GOAL_MET = "goalMet";
  /** Task-local in ConfirmResult: the message to the user drafted from the template, sent with the result. */
  public static final String RESULT_REPLY = "resultReply";
  public static final String SURVEY_WAIT = "surveyWait";
  public static final String REACHED = "reached";
  public static final String SATISFACTION = "satisfaction";
  public static final String COMMENT = "comment";
  public static final String FEEDBACK_OUTCOME = "feedbackOutcome";
  public static final String REOPEN_COUNT = "reopenCount";
  public static final String CLOSING_NOTE = "closingNote";

  public static final String MESSAGE_SURVEY_ANSWERED = "SurveyAnswered";
  public static final String MESSAGE_COMPLAINT_WITHDRAWN = "ComplaintWithdrawn";
  /** The user answered the handler's question; variable {@link #ANSWER}. */
  public static final String MESSAGE_COMPLAINANT_ANSWERED = "ComplainantAnswered";
  /** The handler's open question to the user (set by the ProposePlan form, cleared when answered or given up). */
  public static final String QUESTION_FOR_USER = "questionForUser";
  public static final String ANSWER = "answer";

  /**
   * The variables that hold what people wrote (texts a form shows), as opposed to ids and routing values.
   * Views of the engine's history for auditors leave them out: the audit page shows the texts from our tables,
   * which retention erases.
   */
  public static final Set<String> WRITTEN_TEXTS = Set.of(RAW_TEXT, SUBJECT, DESCRIPTION, PLAN, QUESTION_FOR_USER,
      ANSWER, PROGRESS_NOTE, LAST_PROGRESS_NOTE, PROGRESS_REPLY, RESULT_REPLY, MEASURES, EFFECT, COMMENT, CLOSING_NOTE, HANDLER_OPTIONS);

  private ComplaintVariables() {
  }
}
