-- Responses of WebAPI mutators sent with an Idempotency-Key, so that a retry returns the first result instead of
-- repeating the effect. Kept 24 hours. A row without a status is a request still running.
create table idempotency_key (
    caller       varchar(200) not null,
    key          varchar(255) not null,
    request_hash varchar(64) not null,
    status       integer,
    content_type varchar(100),
    body         bytea,
    created_at   timestamptz not null default now(),
    primary key (caller, key)
);
create index idempotency_key_created on idempotency_key (created_at);
