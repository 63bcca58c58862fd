-- A complainant may ask, on the status page, to be told by email when the improvement their complaint is part of is
-- in place (improvement-action, RecordImprovementDelivered).
alter table complaint add column improvement_notice_wanted boolean default false not null;
