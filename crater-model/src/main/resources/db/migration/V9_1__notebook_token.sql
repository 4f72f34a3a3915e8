-- A Jupyter job's token is stored with the job: the notebook keeps the token it was started with, whichever
-- replica shows it and however often Crater restarts. Jobs of other kinds have none.
ALTER TABLE crater_job ADD COLUMN notebook_token VARCHAR(64);
