CREATE TABLE "exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"record_ids" integer[] NOT NULL,
	"include_media" boolean DEFAULT false NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requester_id" integer NOT NULL,
	"approver_id" integer,
	"decided_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"file_key" text,
	"file_sha256" text,
	"file_bytes" bigint,
	"item_count" integer,
	"job_id" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" serial PRIMARY KEY NOT NULL,
	"bulletin_id" integer,
	"actor_id" integer,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"category_id" integer,
	"uploaded_by_id" integer,
	"deleted" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "media_one_owner" CHECK (("media"."bulletin_id" IS NULL) <> ("media"."actor_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_category_id_vocab_terms_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_requester_idx" ON "exports" USING btree ("requester_id","id");--> statement-breakpoint
CREATE INDEX "exports_status_expiry_idx" ON "exports" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "media_bulletin_idx" ON "media" USING btree ("bulletin_id");--> statement-breakpoint
CREATE INDEX "media_actor_idx" ON "media" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "media_sha256_idx" ON "media" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "media_deleted_idx" ON "media" USING btree ("deleted","purged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "media_bulletin_sha_uq" ON "media" USING btree ("bulletin_id","sha256") WHERE NOT "media"."deleted";--> statement-breakpoint
CREATE UNIQUE INDEX "media_actor_sha_uq" ON "media" USING btree ("actor_id","sha256") WHERE NOT "media"."deleted";