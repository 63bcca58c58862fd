package com.complaintdesk.improvement;

/** Where an improvement action stands (column improvement_action.status). */
public enum ImprovementStatus {
  /** The owning department's lead is to name an owner (or decline). */
  OWNER_TO_BE_NAMED,
  PROPOSING,
  IMPLEMENTING,
  /** Carried out; the complaints are watched before a manager verifies. */
  OBSERVING,
  VERIFYING,
  DELIVERED,
  /** The lead found no action needed. */
  DECLINED;

  /** The statuses of an action that ended, as an SQL list for {@code status in ...}: those not {@link #open}. */
  public static final String ENDED_IN_SQL = "('DELIVERED', 'DECLINED')";

  public boolean open() {
    return this != DELIVERED && this != DECLINED;
  }
}
