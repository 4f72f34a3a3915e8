-- Users, their memberships in accounts with per-member quotas, account quotas, refresh tokens.
-- Resource vectors are stored as canonical numbers: cpu=4000;memory=17179869184;nvidia.com/gpu=2

ALTER TABLE crater_account ADD COLUMN quota VARCHAR(1024) DEFAULT '' NOT NULL;
ALTER TABLE crater_account ADD COLUMN expires_at DATETIME(6);

CREATE TABLE crater_user (
  id BIGINT NOT NULL,
  username VARCHAR(63) NOT NULL,
  display_name VARCHAR(128) NOT NULL,
  email VARCHAR(254),
  password_hash VARCHAR(100) NOT NULL,
  role VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_user_username UNIQUE (username)
);

CREATE TABLE crater_membership (
  id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  role VARCHAR(16) NOT NULL,
  quota VARCHAR(1024) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_membership UNIQUE (account_id, user_id),
  CONSTRAINT fk_crater_membership_account FOREIGN KEY (account_id)
    REFERENCES crater_account (id) ON DELETE CASCADE,
  CONSTRAINT fk_crater_membership_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_membership_user ON crater_membership (user_id);

CREATE TABLE crater_refresh_token (
  id VARCHAR(36) NOT NULL,
  family VARCHAR(36) NOT NULL,
  user_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  issued_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_crater_refresh_token_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_refresh_token_family ON crater_refresh_token (family);

INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('user', 1000);
INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('membership', 1000);
