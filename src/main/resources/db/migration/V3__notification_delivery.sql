-- Delivery with retries (see NotificationDispatcher): when a pending notification is tried next; the Message-ID
-- every attempt carries, so a resend after a crash is recognisable; the Cockpit incident of a notification that
-- ran out of attempts (FAILED); and a note on staff left out for want of an email address.
alter table notification add column next_attempt_at timestamp with time zone default current_timestamp not null;
alter table notification add column message_id varchar(200);
alter table notification add column incident_id varchar(64);
alter table notification add column delivery_note varchar(2000);

-- The dispatcher looks for PENDING notifications that are due.
create index ix_notification_due on notification (state, next_attempt_at);
