create table organization (
    id         uuid primary key,
    name       varchar(100) not null,
    created_at timestamptz not null
);

-- A user belongs to many organizations; what they may do there is a set of permissions
-- from the fixed catalogue (io.tradeport.cloud.organizations.Permission).
create table membership (
    organization_id uuid not null references organization (id) on delete cascade,
    user_id         uuid not null references app_user (id) on delete cascade,
    permissions     text[] not null,
    joined_at       timestamptz not null,
    primary key (organization_id, user_id)
);
create index membership_user on membership (user_id);
