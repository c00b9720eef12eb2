-- CreateTable
CREATE TABLE "trial_change" (
    "id" SERIAL NOT NULL,
    "nct_id" TEXT NOT NULL,
    "run_id" INTEGER,
    "seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fields" JSONB NOT NULL,

    CONSTRAINT "trial_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trial_change_head" (
    "nct_id" TEXT NOT NULL,
    "change_id" INTEGER NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trial_change_head_pkey" PRIMARY KEY ("nct_id")
);

-- CreateIndex
CREATE INDEX "trial_change_nct_id_id_idx" ON "trial_change"("nct_id", "id");

-- CreateIndex
CREATE INDEX "trial_change_run_id_idx" ON "trial_change"("run_id");

-- CreateIndex
CREATE INDEX "trial_change_head_change_id_idx" ON "trial_change_head"("change_id");
