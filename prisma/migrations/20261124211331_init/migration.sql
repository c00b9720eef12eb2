-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "trial" (
    "nct_id" TEXT NOT NULL,
    "brief_title" TEXT NOT NULL,
    "official_title" TEXT,
    "acronym" TEXT,
    "brief_summary" TEXT,
    "overall_status" TEXT NOT NULL,
    "study_type" TEXT,
    "phases" TEXT[],
    "start_date" DATE,
    "primary_completion_date" DATE,
    "completion_date" DATE,
    "status_verified_date" DATE,
    "first_post_date" DATE,
    "last_update_post_date" DATE,
    "sponsor_name" TEXT,
    "sponsor_class" TEXT,
    "conditions" TEXT[],
    "keywords" TEXT[],
    "enrollment_count" INTEGER,
    "enrollment_type" TEXT,
    "sex" TEXT,
    "minimum_age" TEXT,
    "maximum_age" TEXT,
    "min_age_years" DOUBLE PRECISION,
    "max_age_years" DOUBLE PRECISION,
    "healthy_volunteers" BOOLEAN,
    "eligibility_criteria" TEXT,
    "central_contacts" JSONB NOT NULL DEFAULT '[]',
    "has_results" BOOLEAN NOT NULL DEFAULT false,
    "data_version" TEXT,
    "raw" JSONB NOT NULL,
    "raw_hash" TEXT NOT NULL,
    "therapy" TEXT[],
    "source" TEXT[],
    "donor" TEXT,
    "route" TEXT[],
    "phase" TEXT[],
    "flags" TEXT[],
    "why" JSONB NOT NULL DEFAULT '{}',
    "classifier_version" INTEGER NOT NULL DEFAULT 0,
    "removed_at" TIMESTAMP(3),
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_synced_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trial_pkey" PRIMARY KEY ("nct_id")
);

-- CreateTable
CREATE TABLE "intervention" (
    "id" SERIAL NOT NULL,
    "nct_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "other_names" TEXT[],
    "arm_group_labels" TEXT[],

    CONSTRAINT "intervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "arm_group" (
    "id" SERIAL NOT NULL,
    "nct_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT,
    "description" TEXT,
    "intervention_names" TEXT[],

    CONSTRAINT "arm_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site" (
    "id" SERIAL NOT NULL,
    "nct_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "facility" TEXT,
    "status" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zip" TEXT,
    "country" TEXT,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "contacts" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" SERIAL NOT NULL,
    "mode" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "host" TEXT,
    "pid" INTEGER,
    "query" TEXT,
    "since" DATE,
    "high_water" DATE,
    "data_timestamp" TEXT,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "restored" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "pages_done" INTEGER NOT NULL DEFAULT 0,
    "pages_expected" INTEGER,
    "total_expected" INTEGER,
    "error" TEXT,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_run_seen" (
    "run_id" INTEGER NOT NULL,
    "nct_id" TEXT NOT NULL,

    CONSTRAINT "sync_run_seen_pkey" PRIMARY KEY ("run_id","nct_id")
);

-- CreateTable
CREATE TABLE "invalid_record" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "nct_id" TEXT,
    "raw" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invalid_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trial_overall_status_idx" ON "trial"("overall_status");

-- CreateIndex
CREATE INDEX "trial_last_update_post_date_idx" ON "trial"("last_update_post_date");

-- CreateIndex
CREATE INDEX "trial_removed_at_idx" ON "trial"("removed_at");

-- CreateIndex
CREATE INDEX "trial_therapy_idx" ON "trial" USING GIN ("therapy");

-- CreateIndex
CREATE INDEX "trial_source_idx" ON "trial" USING GIN ("source");

-- CreateIndex
CREATE INDEX "trial_route_idx" ON "trial" USING GIN ("route");

-- CreateIndex
CREATE INDEX "trial_phase_idx" ON "trial" USING GIN ("phase");

-- CreateIndex
CREATE UNIQUE INDEX "intervention_nct_id_position_key" ON "intervention"("nct_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "arm_group_nct_id_position_key" ON "arm_group"("nct_id", "position");

-- CreateIndex
CREATE INDEX "site_country_state_city_idx" ON "site"("country", "state", "city");

-- CreateIndex
CREATE INDEX "site_lat_lon_idx" ON "site"("lat", "lon");

-- CreateIndex
CREATE UNIQUE INDEX "site_nct_id_position_key" ON "site"("nct_id", "position");

-- CreateIndex
CREATE INDEX "sync_run_status_finished_at_idx" ON "sync_run"("status", "finished_at");

-- CreateIndex
CREATE INDEX "invalid_record_run_id_idx" ON "invalid_record"("run_id");

-- CreateIndex
CREATE INDEX "invalid_record_nct_id_idx" ON "invalid_record"("nct_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_nct_id_fkey" FOREIGN KEY ("nct_id") REFERENCES "trial"("nct_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "arm_group" ADD CONSTRAINT "arm_group_nct_id_fkey" FOREIGN KEY ("nct_id") REFERENCES "trial"("nct_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_nct_id_fkey" FOREIGN KEY ("nct_id") REFERENCES "trial"("nct_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run_seen" ADD CONSTRAINT "sync_run_seen_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invalid_record" ADD CONSTRAINT "invalid_record_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma's schema language cannot express partial indexes): at most one sync run may
-- be 'running' at a time across every process. The running row is the lock (docs/decisions/003-sync-lock.md).
CREATE UNIQUE INDEX "sync_run_one_running" ON "sync_run" ((true)) WHERE "status" = 'running';
