-- Only written in the embedded default, where no SMTP server is configured.
create table dev_mail (
    id         bigserial primary key,
    sent_at    timestamptz not null,
    recipient  varchar(254) not null,
    subject    varchar(300) not null,
    body       text not null
);
