ALTER TABLE "revisions" ADD COLUMN "related_kind" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "related_id" integer;