CREATE TABLE "actor_dialects" (
	"actor_id" integer NOT NULL,
	"term_id" integer NOT NULL,
	CONSTRAINT "actor_dialects_actor_id_term_id_pk" PRIMARY KEY("actor_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "actor_ethnographies" (
	"actor_id" integer NOT NULL,
	"term_id" integer NOT NULL,
	CONSTRAINT "actor_ethnographies_actor_id_term_id_pk" PRIMARY KEY("actor_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "actor_groups" (
	"actor_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "actor_groups_actor_id_group_id_pk" PRIMARY KEY("actor_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "actor_id_numbers" (
	"id" serial PRIMARY KEY NOT NULL,
	"actor_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"number" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actor_nationalities" (
	"actor_id" integer NOT NULL,
	"term_id" integer NOT NULL,
	CONSTRAINT "actor_nationalities_actor_id_term_id_pk" PRIMARY KEY("actor_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "actor_profile_labels" (
	"profile_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "actor_profile_labels_profile_id_label_id_pk" PRIMARY KEY("profile_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "actor_profile_sources" (
	"profile_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "actor_profile_sources_profile_id_source_id_pk" PRIMARY KEY("profile_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "actor_profile_verified_labels" (
	"profile_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "actor_profile_verified_labels_profile_id_label_id_pk" PRIMARY KEY("profile_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "actor_profiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"actor_id" integer NOT NULL,
	"mode" text NOT NULL,
	"origin_id" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_link" text DEFAULT '' NOT NULL,
	"publish_date" timestamp with time zone,
	"documentation_date" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "actor_profiles_mode" CHECK ("actor_profiles"."mode" in ('normal', 'main', 'missing'))
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"name_ar" text DEFAULT '' NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"first_name_ar" text DEFAULT '' NOT NULL,
	"middle_name" text DEFAULT '' NOT NULL,
	"middle_name_ar" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"last_name_ar" text DEFAULT '' NOT NULL,
	"father_name" text DEFAULT '' NOT NULL,
	"father_name_ar" text DEFAULT '' NOT NULL,
	"mother_name" text DEFAULT '' NOT NULL,
	"mother_name_ar" text DEFAULT '' NOT NULL,
	"nickname" text DEFAULT '' NOT NULL,
	"nickname_ar" text DEFAULT '' NOT NULL,
	"sex" text,
	"age" text,
	"civilian" text,
	"origin_place_id" integer,
	"occupation" text DEFAULT '' NOT NULL,
	"occupation_ar" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"position_ar" text DEFAULT '' NOT NULL,
	"family_status" text,
	"number_of_children" integer,
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
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actors_has_name" CHECK ("actors"."name" <> '' or "actors"."name_ar" <> ''),
	CONSTRAINT "actors_children_range" CHECK ("actors"."number_of_children" is null or "actors"."number_of_children" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "missing_person_details" (
	"profile_id" integer PRIMARY KEY NOT NULL,
	"last_address" text DEFAULT '' NOT NULL,
	"social_networks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"marriage_history" text DEFAULT '' NOT NULL,
	"pregnant_at_disappearance" text,
	"months_pregnant" integer,
	"missing_relatives" boolean,
	"saw_name" text DEFAULT '' NOT NULL,
	"saw_address" text DEFAULT '' NOT NULL,
	"saw_email" text DEFAULT '' NOT NULL,
	"saw_phone" text DEFAULT '' NOT NULL,
	"detained_before" text,
	"seen_in_detention" jsonb,
	"injured" jsonb,
	"known_dead" jsonb,
	"death_details" text DEFAULT '' NOT NULL,
	"personal_items" text DEFAULT '' NOT NULL,
	"height" integer,
	"weight" integer,
	"physique" text,
	"hair_loss" text,
	"hair_type" text,
	"hair_length" text,
	"hair_color" text,
	"facial_hair" text,
	"posture" text DEFAULT '' NOT NULL,
	"skin_markings" jsonb,
	"handedness" text,
	"glasses" text DEFAULT '' NOT NULL,
	"eye_color" text,
	"dist_char_con" text DEFAULT '' NOT NULL,
	"dist_char_acq" text DEFAULT '' NOT NULL,
	"physical_habits" text DEFAULT '' NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"phys_name_contact" text DEFAULT '' NOT NULL,
	"injuries" text DEFAULT '' NOT NULL,
	"implants" text DEFAULT '' NOT NULL,
	"malforms" text DEFAULT '' NOT NULL,
	"pain" text DEFAULT '' NOT NULL,
	"other_conditions" text DEFAULT '' NOT NULL,
	"accidents" text DEFAULT '' NOT NULL,
	"pres_drugs" text DEFAULT '' NOT NULL,
	"smoker" text,
	"dental_record" boolean,
	"dentist_info" text DEFAULT '' NOT NULL,
	"teeth_features" text DEFAULT '' NOT NULL,
	"dental_problems" text DEFAULT '' NOT NULL,
	"dental_treatments" text DEFAULT '' NOT NULL,
	"dental_habits" text DEFAULT '' NOT NULL,
	"case_status" text,
	"reporters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"identified_by" text DEFAULT '' NOT NULL,
	"family_notified" boolean,
	"hypothesis_based" text DEFAULT '' NOT NULL,
	"hypothesis_status" text DEFAULT '' NOT NULL,
	"reburial_location" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_claimed_violations" (
	"incident_id" integer NOT NULL,
	"term_id" integer NOT NULL,
	CONSTRAINT "incident_claimed_violations_incident_id_term_id_pk" PRIMARY KEY("incident_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "incident_groups" (
	"incident_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	CONSTRAINT "incident_groups_incident_id_group_id_pk" PRIMARY KEY("incident_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "incident_labels" (
	"incident_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	CONSTRAINT "incident_labels_incident_id_label_id_pk" PRIMARY KEY("incident_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "incident_locations" (
	"incident_id" integer NOT NULL,
	"location_id" integer NOT NULL,
	CONSTRAINT "incident_locations_incident_id_location_id_pk" PRIMARY KEY("incident_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "incident_potential_violations" (
	"incident_id" integer NOT NULL,
	"term_id" integer NOT NULL,
	CONSTRAINT "incident_potential_violations_incident_id_term_id_pk" PRIMARY KEY("incident_id","term_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"title_ar" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
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
	"deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actor_bulletin_relations" (
	"actor_id" integer NOT NULL,
	"bulletin_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_bulletin_relations_actor_id_bulletin_id_pk" PRIMARY KEY("actor_id","bulletin_id"),
	CONSTRAINT "actor_bulletin_relations_probability" CHECK ("actor_bulletin_relations"."probability" between 0 and 2),
	CONSTRAINT "actor_bulletin_relations_not_reversed" CHECK (not "actor_bulletin_relations"."reversed")
);
--> statement-breakpoint
CREATE TABLE "actor_relations" (
	"actor_id" integer NOT NULL,
	"related_actor_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_relations_actor_id_related_actor_id_pk" PRIMARY KEY("actor_id","related_actor_id"),
	CONSTRAINT "actor_relations_probability" CHECK ("actor_relations"."probability" between 0 and 2),
	CONSTRAINT "actor_relations_lower_first" CHECK ("actor_relations"."actor_id" < "actor_relations"."related_actor_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_relations" (
	"bulletin_id" integer NOT NULL,
	"related_bulletin_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_relations_bulletin_id_related_bulletin_id_pk" PRIMARY KEY("bulletin_id","related_bulletin_id"),
	CONSTRAINT "bulletin_relations_probability" CHECK ("bulletin_relations"."probability" between 0 and 2),
	CONSTRAINT "bulletin_relations_lower_first" CHECK ("bulletin_relations"."bulletin_id" < "bulletin_relations"."related_bulletin_id")
);
--> statement-breakpoint
CREATE TABLE "incident_actor_relations" (
	"incident_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_actor_relations_incident_id_actor_id_pk" PRIMARY KEY("incident_id","actor_id"),
	CONSTRAINT "incident_actor_relations_probability" CHECK ("incident_actor_relations"."probability" between 0 and 2),
	CONSTRAINT "incident_actor_relations_not_reversed" CHECK (not "incident_actor_relations"."reversed")
);
--> statement-breakpoint
CREATE TABLE "incident_bulletin_relations" (
	"incident_id" integer NOT NULL,
	"bulletin_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_bulletin_relations_incident_id_bulletin_id_pk" PRIMARY KEY("incident_id","bulletin_id"),
	CONSTRAINT "incident_bulletin_relations_probability" CHECK ("incident_bulletin_relations"."probability" between 0 and 2),
	CONSTRAINT "incident_bulletin_relations_not_reversed" CHECK (not "incident_bulletin_relations"."reversed")
);
--> statement-breakpoint
CREATE TABLE "incident_relations" (
	"incident_id" integer NOT NULL,
	"related_incident_id" integer NOT NULL,
	"types" integer[] DEFAULT '{}'::int[] NOT NULL,
	"reversed" boolean DEFAULT false NOT NULL,
	"probability" smallint DEFAULT 0 NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_relations_incident_id_related_incident_id_pk" PRIMARY KEY("incident_id","related_incident_id"),
	CONSTRAINT "incident_relations_probability" CHECK ("incident_relations"."probability" between 0 and 2),
	CONSTRAINT "incident_relations_lower_first" CHECK ("incident_relations"."incident_id" < "incident_relations"."related_incident_id")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "actor_id" integer;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "incident_id" integer;--> statement-breakpoint
ALTER TABLE "actor_dialects" ADD CONSTRAINT "actor_dialects_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_dialects" ADD CONSTRAINT "actor_dialects_term_id_vocab_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_ethnographies" ADD CONSTRAINT "actor_ethnographies_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_ethnographies" ADD CONSTRAINT "actor_ethnographies_term_id_vocab_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_groups" ADD CONSTRAINT "actor_groups_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_groups" ADD CONSTRAINT "actor_groups_group_id_access_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."access_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_id_numbers" ADD CONSTRAINT "actor_id_numbers_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_id_numbers" ADD CONSTRAINT "actor_id_numbers_type_id_vocab_terms_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_nationalities" ADD CONSTRAINT "actor_nationalities_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_nationalities" ADD CONSTRAINT "actor_nationalities_term_id_vocab_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_labels" ADD CONSTRAINT "actor_profile_labels_profile_id_actor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."actor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_labels" ADD CONSTRAINT "actor_profile_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_sources" ADD CONSTRAINT "actor_profile_sources_profile_id_actor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."actor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_sources" ADD CONSTRAINT "actor_profile_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_verified_labels" ADD CONSTRAINT "actor_profile_verified_labels_profile_id_actor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."actor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profile_verified_labels" ADD CONSTRAINT "actor_profile_verified_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_profiles" ADD CONSTRAINT "actor_profiles_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_origin_place_id_locations_id_fk" FOREIGN KEY ("origin_place_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_first_peer_reviewer_id_users_id_fk" FOREIGN KEY ("first_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_second_peer_reviewer_id_users_id_fk" FOREIGN KEY ("second_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_person_details" ADD CONSTRAINT "missing_person_details_profile_id_actor_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."actor_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_claimed_violations" ADD CONSTRAINT "incident_claimed_violations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_claimed_violations" ADD CONSTRAINT "incident_claimed_violations_term_id_vocab_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_groups" ADD CONSTRAINT "incident_groups_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_groups" ADD CONSTRAINT "incident_groups_group_id_access_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."access_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_labels" ADD CONSTRAINT "incident_labels_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_labels" ADD CONSTRAINT "incident_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_locations" ADD CONSTRAINT "incident_locations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_locations" ADD CONSTRAINT "incident_locations_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_potential_violations" ADD CONSTRAINT "incident_potential_violations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_potential_violations" ADD CONSTRAINT "incident_potential_violations_term_id_vocab_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."vocab_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_first_peer_reviewer_id_users_id_fk" FOREIGN KEY ("first_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_second_peer_reviewer_id_users_id_fk" FOREIGN KEY ("second_peer_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_bulletin_relations" ADD CONSTRAINT "actor_bulletin_relations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_bulletin_relations" ADD CONSTRAINT "actor_bulletin_relations_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_bulletin_relations" ADD CONSTRAINT "actor_bulletin_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relations" ADD CONSTRAINT "actor_relations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relations" ADD CONSTRAINT "actor_relations_related_actor_id_actors_id_fk" FOREIGN KEY ("related_actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_relations" ADD CONSTRAINT "actor_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_relations" ADD CONSTRAINT "bulletin_relations_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_relations" ADD CONSTRAINT "bulletin_relations_related_bulletin_id_bulletins_id_fk" FOREIGN KEY ("related_bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_relations" ADD CONSTRAINT "bulletin_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actor_relations" ADD CONSTRAINT "incident_actor_relations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actor_relations" ADD CONSTRAINT "incident_actor_relations_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_actor_relations" ADD CONSTRAINT "incident_actor_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_bulletin_relations" ADD CONSTRAINT "incident_bulletin_relations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_bulletin_relations" ADD CONSTRAINT "incident_bulletin_relations_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_bulletin_relations" ADD CONSTRAINT "incident_bulletin_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_related_incident_id_incidents_id_fk" FOREIGN KEY ("related_incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_dialects_term_idx" ON "actor_dialects" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "actor_ethnographies_term_idx" ON "actor_ethnographies" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "actor_groups_group_idx" ON "actor_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "actor_id_numbers_actor_idx" ON "actor_id_numbers" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "actor_id_numbers_type_idx" ON "actor_id_numbers" USING btree ("type_id");--> statement-breakpoint
CREATE INDEX "actor_id_numbers_number_idx" ON "actor_id_numbers" USING btree ("number");--> statement-breakpoint
CREATE INDEX "actor_nationalities_term_idx" ON "actor_nationalities" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "actor_profile_labels_target_idx" ON "actor_profile_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "actor_profile_sources_target_idx" ON "actor_profile_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "actor_profile_verified_labels_target_idx" ON "actor_profile_verified_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "actor_profiles_actor_idx" ON "actor_profiles" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "actor_profiles_origin_idx" ON "actor_profiles" USING btree ("origin_id");--> statement-breakpoint
CREATE INDEX "actor_profiles_publish_date_idx" ON "actor_profiles" USING btree ("publish_date");--> statement-breakpoint
CREATE INDEX "actor_profiles_documentation_date_idx" ON "actor_profiles" USING btree ("documentation_date");--> statement-breakpoint
CREATE INDEX "actors_status_assigned_idx" ON "actors" USING btree ("status","assigned_to_id");--> statement-breakpoint
CREATE INDEX "actors_assigned_idx" ON "actors" USING btree ("assigned_to_id");--> statement-breakpoint
CREATE INDEX "actors_reviewer_idx" ON "actors" USING btree ("first_peer_reviewer_id");--> statement-breakpoint
CREATE INDEX "actors_second_reviewer_idx" ON "actors" USING btree ("second_peer_reviewer_id");--> statement-breakpoint
CREATE INDEX "actors_created_by_idx" ON "actors" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "actors_origin_place_idx" ON "actors" USING btree ("origin_place_id");--> statement-breakpoint
CREATE INDEX "actors_created_at_idx" ON "actors" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "actors_updated_at_idx" ON "actors" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "actors_tags_idx" ON "actors" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "actors_search_trgm_idx" ON "actors" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "missing_person_case_status_idx" ON "missing_person_details" USING btree ("case_status");--> statement-breakpoint
CREATE INDEX "incident_claimed_violations_target_idx" ON "incident_claimed_violations" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "incident_groups_target_idx" ON "incident_groups" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "incident_labels_target_idx" ON "incident_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "incident_locations_target_idx" ON "incident_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "incident_potential_violations_target_idx" ON "incident_potential_violations" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "incidents_status_assigned_idx" ON "incidents" USING btree ("status","assigned_to_id");--> statement-breakpoint
CREATE INDEX "incidents_assigned_idx" ON "incidents" USING btree ("assigned_to_id");--> statement-breakpoint
CREATE INDEX "incidents_reviewer_idx" ON "incidents" USING btree ("first_peer_reviewer_id");--> statement-breakpoint
CREATE INDEX "incidents_second_reviewer_idx" ON "incidents" USING btree ("second_peer_reviewer_id");--> statement-breakpoint
CREATE INDEX "incidents_created_by_idx" ON "incidents" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "incidents_created_at_idx" ON "incidents" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "incidents_updated_at_idx" ON "incidents" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "incidents_search_trgm_idx" ON "incidents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actor_bulletin_relations_right_idx" ON "actor_bulletin_relations" USING btree ("bulletin_id","actor_id");--> statement-breakpoint
CREATE INDEX "actor_bulletin_relations_types_idx" ON "actor_bulletin_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "actor_bulletin_relations_user_idx" ON "actor_bulletin_relations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "actor_relations_right_idx" ON "actor_relations" USING btree ("related_actor_id","actor_id");--> statement-breakpoint
CREATE INDEX "actor_relations_types_idx" ON "actor_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "actor_relations_user_idx" ON "actor_relations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "bulletin_relations_right_idx" ON "bulletin_relations" USING btree ("related_bulletin_id","bulletin_id");--> statement-breakpoint
CREATE INDEX "bulletin_relations_types_idx" ON "bulletin_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "bulletin_relations_user_idx" ON "bulletin_relations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "incident_actor_relations_right_idx" ON "incident_actor_relations" USING btree ("actor_id","incident_id");--> statement-breakpoint
CREATE INDEX "incident_actor_relations_types_idx" ON "incident_actor_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "incident_actor_relations_user_idx" ON "incident_actor_relations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "incident_bulletin_relations_right_idx" ON "incident_bulletin_relations" USING btree ("bulletin_id","incident_id");--> statement-breakpoint
CREATE INDEX "incident_bulletin_relations_types_idx" ON "incident_bulletin_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "incident_bulletin_relations_user_idx" ON "incident_bulletin_relations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "incident_relations_right_idx" ON "incident_relations" USING btree ("related_incident_id","incident_id");--> statement-breakpoint
CREATE INDEX "incident_relations_types_idx" ON "incident_relations" USING gin ("types");--> statement-breakpoint
CREATE INDEX "incident_relations_user_idx" ON "incident_relations" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_actor_idx" ON "events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "events_incident_idx" ON "events" USING btree ("incident_id");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_one_owner" CHECK (num_nonnulls("events"."bulletin_id", "events"."actor_id", "events"."incident_id") = 1);