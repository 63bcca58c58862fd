-- Reporting: one narrow row per complaint with what the dashboard counts, kept in step with the timeline in the
-- same transaction (analytics/ComplaintFacts). The dashboard reads this table only: no wide texts to scan, no
-- engine history queries, and each stage's duration stored once so that medians and percentiles are plain SQL.
create table complaint_fact (
    complaint_id      bigint      primary key references complaint (id),
    received_at       timestamp with time zone not null,
    -- the UTC day of receipt: the period filter and the weekly charts group by it
    received_day      date        not null,
    channel           varchar(20) not null,
    declared_type     varchar(30),
    category          varchar(30),
    priority          varchar(10),
    department        varchar(30),
    handler           varchar(64),
    status            varchar(20) not null,
    -- the first time each stage was reached (a reopened complaint keeps its first plan and resolution)
    logged_at         timestamp with time zone,
    assigned_at       timestamp with time zone,
    planned_at        timestamp with time zone,
    resolved_at       timestamp with time zone,
    closed_at         timestamp with time zone,
    logging_due_at    timestamp with time zone,
    response_due_at   timestamp with time zone,
    logging_breached  boolean     default false not null,
    response_breached boolean     default false not null,
    -- seconds spent in each stage: received -> logged -> assigned -> planned -> resolved -> closed
    log_seconds       bigint,
    assign_seconds    bigint,
    plan_seconds      bigint,
    resolve_seconds   bigint,
    close_seconds     bigint,
    satisfaction      integer,
    reopen_count      integer     default 0 not null,
    -- customer service could not reach the user for the feedback they did not give
    user_not_reached  boolean     default false not null
);

create index ix_complaint_fact_day on complaint_fact (received_day);
create index ix_complaint_fact_department_day on complaint_fact (department, received_day);
create index ix_complaint_fact_handler_day on complaint_fact (handler, received_day);
create index ix_complaint_fact_status on complaint_fact (status, department);

-- Complaints received before this version: their facts from the complaint row and its timeline.
insert into complaint_fact (complaint_id, received_at, received_day, channel, declared_type, category, priority,
    department, handler, status, logged_at, assigned_at, planned_at, resolved_at, closed_at, logging_due_at,
    response_due_at, logging_breached, response_breached, satisfaction, reopen_count, user_not_reached)
select c.id, c.received_at, cast(c.received_at as date), c.channel, c.declared_type, c.category, c.priority,
    c.department, c.handler, c.status, c.logged_at,
    (select min(e.occurred_at) from complaint_event e where e.complaint_id = c.id and e.type = 'HANDLER_ASSIGNED'),
    (select min(e.occurred_at) from complaint_event e where e.complaint_id = c.id and e.type = 'PLAN_PROPOSED'),
    (select min(e.occurred_at) from complaint_event e where e.complaint_id = c.id and e.type = 'RESOLVED'),
    c.closed_at, c.logging_due_at, c.response_due_at,
    exists (select 1 from deadline_breach b where b.complaint_id = c.id and b.deadline = 'LOGGING'),
    exists (select 1 from deadline_breach b where b.complaint_id = c.id and b.deadline = 'RESPONSE'),
    c.satisfaction, c.reopen_count,
    exists (select 1 from complaint_event e where e.complaint_id = c.id and e.type = 'USER_NOT_REACHED')
from complaint c;

update complaint_fact set
    log_seconds = cast(extract(epoch from logged_at) - extract(epoch from received_at) as bigint),
    assign_seconds = cast(extract(epoch from assigned_at) - extract(epoch from logged_at) as bigint),
    plan_seconds = cast(extract(epoch from planned_at) - extract(epoch from assigned_at) as bigint),
    resolve_seconds = cast(extract(epoch from resolved_at) - extract(epoch from planned_at) as bigint),
    close_seconds = case when status = 'CLOSED'
        then cast(extract(epoch from closed_at) - extract(epoch from resolved_at) as bigint) end;
