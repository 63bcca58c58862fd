-- Mailbox intake: every mail taken in from the mailbox, by its Message-ID (or, for a mail without one or with an
-- overlong one, "sha256:" and a hash of its headers). The row commits with the complaint or timeline entry the
-- mail became, so a mail is taken in once, across restarts and with several nodes polling the same mailbox:
-- a second node's insert waits for the first one's commit and then fails on the primary key.
create table mailbox_message (
    message_id    varchar(250) primary key,
    -- NEW_COMPLAINT, REPLY (added to the complaint's timeline) or AUTOMATIC (a bounce or auto-reply, not taken in)
    outcome       varchar(20),
    complaint_id  bigint references complaint (id),
    processed_at  timestamp with time zone not null
);

create index ix_mailbox_message_complaint on mailbox_message (complaint_id);
