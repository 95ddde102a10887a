-- Machine identities of an organization. The OAuth2 side (secret hash, scopes) lives in
-- oauth2_registered_client; this row says who owns the client.
create table api_client (
    registered_client_id varchar(100) primary key references oauth2_registered_client (id) on delete cascade,
    client_id            varchar(100) not null unique,
    organization_id      uuid not null references organization (id) on delete cascade,
    name                 varchar(100) not null,
    created_at           timestamptz not null,
    disabled             boolean not null default false,
    last_used_at         timestamptz
);
create index api_client_organization on api_client (organization_id);
