-- CreateTable
CREATE TABLE "alert_subscriber" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" SERIAL NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMP(3),
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "near_lat" DOUBLE PRECISION,
    "near_lon" DOUBLE PRECISION,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_token" (
    "hash" TEXT NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),

    CONSTRAINT "alert_token_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "alert_digest" (
    "id" SERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "run_id" INTEGER,
    "entries" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "alert_digest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_subscriber_email_key" ON "alert_subscriber"("email");

-- CreateIndex
CREATE INDEX "alert_confirmed_at_idx" ON "alert"("confirmed_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_subscriber_id_query_key" ON "alert"("subscriber_id", "query");

-- CreateIndex
CREATE INDEX "alert_token_alert_id_idx" ON "alert_token"("alert_id");

-- CreateIndex
CREATE INDEX "alert_digest_status_next_attempt_at_idx" ON "alert_digest"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_digest_run_id_idx" ON "alert_digest"("run_id");

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "alert_subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_token" ADD CONSTRAINT "alert_token_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_digest" ADD CONSTRAINT "alert_digest_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
