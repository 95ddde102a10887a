-- Users sign in with e-mail + password. The e-mail is stored lower-cased so uniqueness ignores case.
create table app_user (
    id                    uuid primary key,
    email                 varchar(254) not null unique,
    display_name          varchar(100),
    password_hash         varchar(255),
    password_temporary    boolean not null default false,
    password_expires_at   timestamptz,
    password_changed_at   timestamptz,
    created_at            timestamptz not null,
    disabled              boolean not null default false
);

-- Single-use, expiring links for "forgot password"; only a SHA-256 of the token is stored.
create table password_reset (
    token_hash   varchar(64) primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index password_reset_user on password_reset (user_id);

-- Failure counters for brute-force protection, keyed by "account:<email>" or "ip:<address>".
-- Updated with one atomic upsert so parallel attempts cannot slip past the limit.
create table login_throttle (
    throttle_key      varchar(300) primary key,
    failures          integer not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);

-- JWS signing keys. The private half is encrypted with the configured encryption key.
-- A key is published from created_at, signs from active_from, stops signing at retire_at
-- and leaves the JWKS at remove_at (after every token it signed has expired).
create table signing_key (
    kid                    varchar(64) primary key,
    algorithm              varchar(16) not null,
    public_jwk             text not null,
    private_jwk_encrypted  text not null,
    created_at             timestamptz not null,
    active_from            timestamptz not null,
    retire_at              timestamptz,
    remove_at              timestamptz
);

-- Spring Authorization Server's JDBC stores, with the PostgreSQL adaptations its schema asks for.
create table oauth2_registered_client (
    id                            varchar(100) primary key,
    client_id                     varchar(100) not null unique,
    client_id_issued_at           timestamptz default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
-- Token look-ups are by value; hash indexes keep them O(1) without a btree over long JWTs.
create index oauth2_authorization_state on oauth2_authorization using hash (state);
create index oauth2_authorization_code on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_refresh on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_id_token on oauth2_authorization using hash (oidc_id_token_value);
create index oauth2_authorization_principal on oauth2_authorization (principal_name);

create table oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Refresh tokens that were rotated away. Presenting one again means the family leaked:
-- the whole authorization is revoked (RFC 9700 §2.2.2).
create table rotated_refresh_token (
    token_hash       varchar(64) primary key,
    authorization_id varchar(100) not null,
    expires_at       timestamptz not null
);

-- Spring Session JDBC (shared sessions across nodes; lists a user's active sessions).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
