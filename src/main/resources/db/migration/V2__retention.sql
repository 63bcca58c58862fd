-- Retention: when the personal data of a closed complaint was erased (see complaint-desk.retention.*).
-- Contact details go first, the texts people wrote later; the complaint's numbers stay for reporting.
alter table complaint add column contact_erased_at timestamp with time zone;
alter table complaint add column texts_erased_at timestamp with time zone;

-- The retention job looks for complaints closed before a cut-off date.
create index ix_complaint_closed_at on complaint (closed_at);
