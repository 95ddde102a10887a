-- Append-only log of security and administration events.
create table audit_event (
    id              bigserial primary key,
    occurred_at     timestamptz not null,
    type            varchar(64) not null,
    actor           varchar(200),
    organization_id uuid,
    client_id       varchar(100),
    ip              varchar(64),
    details         jsonb not null default '{}'
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_organization on audit_event (organization_id, occurred_at desc);
