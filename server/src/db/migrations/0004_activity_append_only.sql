-- D1: the activity log is append-only. A trigger refuses UPDATE, DELETE and TRUNCATE for every
-- role (only a superuser who disables the trigger can change a row, and the hash chain then names it).
CREATE OR REPLACE FUNCTION activity_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the activity log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS activity_no_update_delete ON activity;
--> statement-breakpoint
CREATE TRIGGER activity_no_update_delete BEFORE UPDATE OR DELETE ON activity
  FOR EACH ROW EXECUTE FUNCTION activity_append_only();
--> statement-breakpoint
DROP TRIGGER IF EXISTS activity_no_truncate ON activity;
--> statement-breakpoint
CREATE TRIGGER activity_no_truncate BEFORE TRUNCATE ON activity
  FOR EACH STATEMENT EXECUTE FUNCTION activity_append_only();
--> statement-breakpoint
-- D3: the web process should connect as the application role `dalil_app` (see docs/operations.md),
-- which may read and append to the log but never rewrite it. The role is created here when the
-- migrating role may create roles; otherwise the operator creates it as documented.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dalil_app') THEN
    BEGIN
      CREATE ROLE dalil_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR insufficient_privilege THEN
      NULL;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dalil_app') THEN
    GRANT SELECT, INSERT ON activity TO dalil_app;
    GRANT USAGE ON SEQUENCE activity_id_seq TO dalil_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON activity FROM dalil_app;
  END IF;
END
$$;
