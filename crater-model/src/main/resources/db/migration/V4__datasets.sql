-- Datasets and share dirs: a claim, or a directory of it, that jobs may mount; shared with everyone
-- or with chosen accounts and users. Deleting a dataset, an account or a user removes its grants.

CREATE TABLE crater_dataset (
  id BIGINT NOT NULL,
  name VARCHAR(63) NOT NULL,
  description VARCHAR(1024) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  pvc VARCHAR(253) NOT NULL,
  sub_path VARCHAR(1024) NOT NULL,
  read_only BOOLEAN NOT NULL,
  visibility VARCHAR(16) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uq_crater_dataset_name UNIQUE (name)
);

CREATE TABLE crater_dataset_account (
  dataset_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  PRIMARY KEY (dataset_id, account_id),
  CONSTRAINT fk_crater_dataset_account_dataset FOREIGN KEY (dataset_id)
    REFERENCES crater_dataset (id) ON DELETE CASCADE,
  CONSTRAINT fk_crater_dataset_account_account FOREIGN KEY (account_id)
    REFERENCES crater_account (id) ON DELETE CASCADE
);
-- Which datasets a user may mount is looked up from the account and user side.
CREATE INDEX ix_crater_dataset_account_account ON crater_dataset_account (account_id);

CREATE TABLE crater_dataset_user (
  dataset_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (dataset_id, user_id),
  CONSTRAINT fk_crater_dataset_user_dataset FOREIGN KEY (dataset_id)
    REFERENCES crater_dataset (id) ON DELETE CASCADE,
  CONSTRAINT fk_crater_dataset_user_user FOREIGN KEY (user_id)
    REFERENCES crater_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_crater_dataset_user_user ON crater_dataset_user (user_id);

INSERT INTO crater_id_gen (gen_name, gen_value) VALUES ('dataset', 1000);
