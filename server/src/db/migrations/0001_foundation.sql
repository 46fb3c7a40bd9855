CREATE TABLE "access_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"ip" "inet",
	"user_agent" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_groups" (
	"user_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "user_groups_user_id_group_id_pk" PRIMARY KEY("user_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"permissions" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_login_at" timestamp with time zone,
	"last_login_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"for_actor" boolean DEFAULT false NOT NULL,
	"for_bulletin" boolean DEFAULT false NOT NULL,
	"for_incident" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labels" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"comments_ar" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"for_bulletin" boolean DEFAULT true NOT NULL,
	"for_actor" boolean DEFAULT true NOT NULL,
	"for_incident" boolean DEFAULT true NOT NULL,
	"for_offline" boolean DEFAULT false NOT NULL,
	"parent_id" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labels_not_own_parent" CHECK ("labels"."parent_id" is null or "labels"."parent_id" <> "labels"."id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"parent_id" integer,
	"location_type_id" integer,
	"admin_level_id" integer,
	"country_id" integer,
	"lat" double precision,
	"lng" double precision,
	"description" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"full_name" text DEFAULT '' NOT NULL,
	"full_name_ar" text DEFAULT '' NOT NULL,
	"path" text DEFAULT '' NOT NULL,
	"external_id" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_not_own_parent" CHECK ("locations"."parent_id" is null or "locations"."parent_id" <> "locations"."id"),
	CONSTRAINT "locations_lat_range" CHECK ("locations"."lat" is null or ("locations"."lat" between -90 and 90)),
	CONSTRAINT "locations_lng_range" CHECK ("locations"."lng" is null or ("locations"."lng" between -180 and 180))
);
--> statement-breakpoint
CREATE TABLE "relation_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"pair" text NOT NULL,
	"title" text NOT NULL,
	"reverse_title" text DEFAULT '' NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"reverse_title_ar" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"comments_ar" text DEFAULT '' NOT NULL,
	"etl_id" text,
	"parent_id" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_not_own_parent" CHECK ("sources"."parent_id" is null or "sources"."parent_id" <> "sources"."id")
);
--> statement-breakpoint
CREATE TABLE "vocab_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"code" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_groups" (
	"bulletin_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "bulletin_groups_bulletin_id_group_id_pk" PRIMARY KEY("bulletin_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_labels" (
	"bulletin_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "bulletin_labels_bulletin_id_label_id_pk" PRIMARY KEY("bulletin_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_locations" (
	"bulletin_id" integer NOT NULL,
	"location_id" integer NOT NULL,
	CONSTRAINT "bulletin_locations_bulletin_id_location_id_pk" PRIMARY KEY("bulletin_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_sources" (
	"bulletin_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "bulletin_sources_bulletin_id_source_id_pk" PRIMARY KEY("bulletin_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_verified_labels" (
	"bulletin_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "bulletin_verified_labels_bulletin_id_label_id_pk" PRIMARY KEY("bulletin_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"analyst_title" text DEFAULT '' NOT NULL,
	"analyst_title_ar" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_link" text DEFAULT '' NOT NULL,
	"publish_date" timestamp with time zone,
	"documentation_date" timestamp with time zone,
	"origin_id" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"created_by_id" integer,
	"assigned_to_id" integer,
	"first_peer_reviewer_id" integer,
	"second_peer_reviewer_id" integer,
	"review" text DEFAULT '' NOT NULL,
	"review_action" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"import_key" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"bulletin_id" integer,
	"title" text DEFAULT '' NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"comments_ar" text DEFAULT '' NOT NULL,
	"event_type_id" integer,
	"location_id" integer,
	"from_date" timestamp with time zone,
	"to_date" timestamp with time zone,
	"estimated" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "events_range" CHECK ("events"."to_date" is null or "events"."from_date" is null or "events"."to_date" >= "events"."from_date")
);
--> statement-breakpoint
CREATE TABLE "geo_markers" (
	"id" serial PRIMARY KEY NOT NULL,
	"bulletin_id" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"type_id" integer,
	"main" boolean DEFAULT false NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "geo_markers_lat_range" CHECK ("geo_markers"."lat" between -90 and 90),
	CONSTRAINT "geo_markers_lng_range" CHECK ("geo_markers"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"username" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'SUCCESS' NOT NULL,
	"kind" text DEFAULT '' NOT NULL,
	"record_id" integer,
	"ip" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"record_id" integer NOT NULL,
	"user_id" integer,
	"status" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_group_id_access_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."access_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_parent_id_labels_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."labels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_location_type_id_vocab_terms_id_fk" FOREIGN KEY ("location_type_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_admin_level_id_vocab_terms_id_fk" FOREIGN KEY ("admin_level_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_country_id_vocab_terms_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_parent_id_sources_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_groups" ADD CONSTRAINT "bulletin_groups_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_groups" ADD CONSTRAINT "bulletin_groups_group_id_access_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."access_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_labels" ADD CONSTRAINT "bulletin_labels_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_labels" ADD CONSTRAINT "bulletin_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_locations" ADD CONSTRAINT "bulletin_locations_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_locations" ADD CONSTRAINT "bulletin_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_sources" ADD CONSTRAINT "bulletin_sources_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_sources" ADD CONSTRAINT "bulletin_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_verified_labels" ADD CONSTRAINT "bulletin_verified_labels_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_verified_labels" ADD CONSTRAINT "bulletin_verified_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_first_peer_reviewer_id_users_id_fk" FOREIGN KEY ("first_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_second_peer_reviewer_id_users_id_fk" FOREIGN KEY ("second_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_event_type_id_event_types_id_fk" FOREIGN KEY ("event_type_id") REFERENCES "public"."event_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_markers" ADD CONSTRAINT "geo_markers_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_markers" ADD CONSTRAINT "geo_markers_type_id_vocab_terms_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_groups_name_uq" ON "access_groups" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_uq" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_groups_group_idx" ON "user_groups" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_uq" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "event_types_title_uq" ON "event_types" USING btree (lower("title"));--> statement-breakpoint
CREATE INDEX "labels_parent_idx" ON "labels" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "labels_title_parent_uq" ON "labels" USING btree (coalesce("parent_id", 0),"verified",lower("title"));--> statement-breakpoint
CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "locations_path_idx" ON "locations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "locations_lat_lng_idx" ON "locations" USING btree ("lat","lng");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_external_id_uq" ON "locations" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relation_types_pair_title_uq" ON "relation_types" USING btree ("pair",lower("title"));--> statement-breakpoint
CREATE INDEX "sources_parent_idx" ON "sources" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_title_parent_uq" ON "sources" USING btree (coalesce("parent_id", 0),lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "sources_etl_id_uq" ON "sources" USING btree ("etl_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vocab_terms_kind_title_uq" ON "vocab_terms" USING btree ("kind",lower("title"));--> statement-breakpoint
CREATE INDEX "bulletin_groups_group_idx" ON "bulletin_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "bulletin_labels_label_idx" ON "bulletin_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "bulletin_locations_location_idx" ON "bulletin_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "bulletin_sources_source_idx" ON "bulletin_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "bulletin_vlabels_label_idx" ON "bulletin_verified_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "bulletins_status_assigned_idx" ON "bulletins" USING btree ("status","assigned_to_id");--> statement-breakpoint
CREATE INDEX "bulletins_assigned_idx" ON "bulletins" USING btree ("assigned_to_id");--> statement-breakpoint
CREATE INDEX "bulletins_reviewer_idx" ON "bulletins" USING btree ("first_peer_reviewer_id");--> statement-breakpoint
CREATE INDEX "bulletins_publish_date_idx" ON "bulletins" USING btree ("publish_date");--> statement-breakpoint
CREATE INDEX "bulletins_documentation_date_idx" ON "bulletins" USING btree ("documentation_date");--> statement-breakpoint
CREATE INDEX "bulletins_created_at_idx" ON "bulletins" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bulletins_updated_at_idx" ON "bulletins" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "bulletins_tags_idx" ON "bulletins" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "bulletins_search_trgm_idx" ON "bulletins" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "bulletins_import_key_idx" ON "bulletins" USING btree ("import_key");--> statement-breakpoint
CREATE INDEX "events_bulletin_idx" ON "events" USING btree ("bulletin_id");--> statement-breakpoint
CREATE INDEX "events_type_idx" ON "events" USING btree ("event_type_id");--> statement-breakpoint
CREATE INDEX "events_location_idx" ON "events" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "events_from_to_idx" ON "events" USING btree ("from_date","to_date");--> statement-breakpoint
CREATE INDEX "geo_markers_bulletin_idx" ON "geo_markers" USING btree ("bulletin_id");--> statement-breakpoint
CREATE INDEX "geo_markers_lat_lng_idx" ON "geo_markers" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "activity_user_idx" ON "activity" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "activity_kind_record_idx" ON "activity" USING btree ("kind","record_id");--> statement-breakpoint
CREATE INDEX "activity_action_idx" ON "activity" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "activity_created_idx" ON "activity" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "revisions_record_idx" ON "revisions" USING btree ("kind","record_id","id");