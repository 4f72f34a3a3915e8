-- Identifier blocks handed out by the JPA table generator (one row per entity type).
CREATE TABLE crater_id_gen (
  gen_name VARCHAR(64) NOT NULL,
  gen_value BIGINT NOT NULL,
  PRIMARY KEY (gen_name)
);

CREATE TABLE crater_account (
  id BIGINT NOT NULL,
  name VARCHAR(63) NOT NULL,
  display_name VARCHAR(128) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_account_name UNIQUE (name)
);

-- Generated ids start above the rows seeded here.
INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('account', 1000);

INSERT INTO crater_account (id, name, display_name, created_at, updated_at, version)
VALUES (1, 'default', 'Default account', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1);
