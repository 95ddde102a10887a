-- Permissions become rows so that each can be limited to chosen trade platforms (platform_ids null = all).
-- Platform ids are not foreign keys: a deleted platform's id simply matches nothing any more.
create table member_permission (
    organization_id uuid not null,
    user_id         uuid not null,
    permission      varchar(64) not null,
    platform_ids    uuid[],
    primary key (organization_id, user_id, permission),
    foreign key (organization_id, user_id) references membership (organization_id, user_id) on delete cascade
);
insert into member_permission (organization_id, user_id, permission, platform_ids)
    select organization_id, user_id, unnest(permissions), null from membership;
alter table membership drop column permissions;

-- Invitations reach people with or without an account; only a SHA-256 of the link's token is stored.
create table invitation (
    id              uuid primary key,
    organization_id uuid not null references organization (id) on delete cascade,
    email           varchar(254) not null,
    grants          jsonb not null,
    token_hash      varchar(64) not null unique,
    invited_by      uuid references app_user (id) on delete set null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     uuid references app_user (id) on delete set null,
    revoked_at      timestamptz
);
create index invitation_organization on invitation (organization_id, created_at desc);
create unique index invitation_pending_once on invitation (organization_id, email) where accepted_at is null and revoked_at is null;

-- A broker's MT4/MT5 server: its Manager API and its MySQL report database. Passwords are sealed
-- (AES-256-GCM, io.tradeport.cloud.secrets.SecretBox) and never shown back.
create table trade_platform (
    id               uuid primary key,
    organization_id  uuid not null references organization (id) on delete cascade,
    name             varchar(100) not null,
    type             varchar(3) not null check (type in ('MT4', 'MT5')),
    created_at       timestamptz not null,
    manager_address  varchar(255),
    manager_login    bigint,
    manager_password text,
    db_host          varchar(255),
    db_port          integer check (db_port between 1 and 65535),
    db_name          varchar(64),
    db_login         varchar(100),
    db_password      text
);
create unique index trade_platform_name on trade_platform (organization_id, lower(name));

-- API clients may be limited to chosen platforms (null = all) and can be disabled.
alter table api_client add column platform_ids uuid[];
create unique index api_client_name on api_client (organization_id, lower(name));
