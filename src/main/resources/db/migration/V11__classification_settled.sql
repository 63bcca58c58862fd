-- The suggested classification learns from complaints whose classification is settled: triage decided it, or the
-- department took the complaint on (the first time counts).
alter table complaint add column classification_settled_at timestamp with time zone;

-- The similarity index of each node reads the complaints changed since the last change it took in.
create index ix_complaint_updated_at on complaint (updated_at, id);
