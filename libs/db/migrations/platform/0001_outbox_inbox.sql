-- Platform tables present in every service database.
-- posa_outbox: domain events written in the same transaction as the change they describe;
-- the outbox relay (@posa/events) publishes them in seq order and sets published_at.
-- posa_inbox: event ids already processed by a consumer group (idempotent consumers).

CREATE TABLE posa_outbox (
  seq            bigserial PRIMARY KEY,          -- publication order
  id             uuid NOT NULL UNIQUE,           -- CloudEvents id (ce_id)
  topic          text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,                  -- Kafka message key (per-aggregate order)
  event_type     text NOT NULL,                  -- ce_type, e.g. com.posa.identity.account-created.v1
  source         text NOT NULL,                  -- ce_source, e.g. /services/identity
  payload        bytea NOT NULL,                 -- protobuf-encoded payload
  headers        jsonb NOT NULL DEFAULT '{}',    -- extra string headers, e.g. traceparent
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz
);

CREATE INDEX posa_outbox_unpublished ON posa_outbox (seq) WHERE published_at IS NULL;

CREATE TABLE posa_inbox (
  consumer_group text NOT NULL,
  event_id       text NOT NULL,                  -- ce_id of the processed event
  topic          text NOT NULL,
  partition      integer NOT NULL,
  kafka_offset   bigint NOT NULL,
  processed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);
