-- Webhook messages taken in (POST /api/channels/{channel}/messages): one row per sender's message id, so that a
-- sender's retry gets the first answer instead of a second complaint or a second survey answer. The row is
-- inserted first, in the transaction that files the complaint or delivers the answer: a concurrent duplicate
-- waits for its key and then fails on it. It holds no personal data.
create table channel_message (
    channel      varchar(20)  not null,  -- the webhook's path segment: social-media, chat, survey
    message_id   varchar(200) not null,  -- the sender's id of the message
    outcome      varchar(30),            -- COMPLAINT_CREATED or SURVEY_ANSWERED, set in the same transaction
    complaint_id bigint references complaint (id),
    received_at  timestamp with time zone not null,
    primary key (channel, message_id)
);

create index ix_channel_message_complaint on channel_message (complaint_id);
