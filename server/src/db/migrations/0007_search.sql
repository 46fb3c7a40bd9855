CREATE TABLE "saved_searches" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "search_tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[[:punct:]،؛؟«»…“”‘’–—⁣]+', ' ', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_searches_user_name_uq" ON "saved_searches" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "saved_searches_user_kind_idx" ON "saved_searches" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "bulletins_search_tsv_idx" ON "bulletins" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "actors_search_tsv_idx" ON "actors" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "incidents_search_tsv_idx" ON "incidents" USING gin ("search_tsv");