-- The dashboard's summary: per day of receipt, the counts (and stage-time histograms) of the complaints received
-- that day, for every combination of the dashboard's filters and breakdowns, so that a view reads a few rows per
-- day instead of every complaint (analytics/DaySummaries). A dimension is a value, NONE (not decided yet) or *
-- (all values); breakdown names the extra dimension a row is split by (declared_type, handler) or is empty.
create table complaint_day_summary (
    received_day      date        not null,
    filters           smallint    not null,  -- which of channel, category, priority, department are not *
    channel           varchar(20) not null,
    category          varchar(30) not null,
    priority          varchar(10) not null,
    department        varchar(30) not null,
    breakdown         varchar(16) not null,
    breakdown_value   varchar(64) not null,
    complaints        integer     not null,
    logging_met       integer     not null,
    logging_decided   integer     not null,
    response_met      integer     not null,
    response_decided  integer     not null,
    handled           integer     not null,
    still_open        integer     not null,
    marks_1           integer     not null,
    marks_2           integer     not null,
    marks_3           integer     not null,
    marks_4           integer     not null,
    marks_5           integer     not null,
    reopened          integer     not null,
    resolved          integer     not null,
    not_reached       integer     not null,
    feedback_due      integer     not null,
    -- each stage's durations as a histogram (analytics/DurationHistogram): "bucket:count" pairs; rows split by
    -- declared type have none, rows split by handler only plan_times (the appraisal's time to plan)
    log_times         varchar(8000),
    assign_times      varchar(8000),
    plan_times        varchar(8000),
    resolve_times     varchar(8000),
    close_times       varchar(8000),
    -- a view reads one combination of filters and breakdown over a range of days: the key leads with them, so that
    -- the view's rows lie together, and a day is replaced along the same key
    constraint pk_complaint_day_summary primary key (filters, breakdown, received_day, channel, category, priority,
        department, breakdown_value)
);

-- A fact changed since its day was last summarised; set with every change, cleared by the summary.
alter table complaint_fact add column summary_pending boolean default true not null;
create index ix_complaint_fact_pending on complaint_fact (summary_pending, received_day);

-- Views under several filters read hot topics and handlers from the facts, along the most selective filter.
create index ix_complaint_fact_channel_day on complaint_fact (channel, received_day);
create index ix_complaint_fact_category_day on complaint_fact (category, received_day);

-- The newest breaches first, without sorting them all.
create index ix_deadline_breach_recorded on deadline_breach (recorded_at);
