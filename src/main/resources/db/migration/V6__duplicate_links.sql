-- Duplicates at intake: a new submission looks for an open complaint of the same contact received within
-- complaint-desk.intake.duplicate-window, and a linked submission names that complaint in duplicate_of
-- (a column since V1, also set when triage marks a duplicate). No new column: the link's details are on both
-- timelines, and a link made at intake is a DUPLICATE without a process instance.
create index ix_complaint_received_at on complaint (received_at);
create index ix_complaint_duplicate_of on complaint (duplicate_of);
