-- Server-side admin sessions (docs/decisions/019-server-sessions.md): logout, expiry and a change of
-- password or SESSION_SECRET end a session, because the cookie is only a key to this row.
CREATE TABLE "admin_session" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "credential_fingerprint" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "admin_session_token_hash_key" ON "admin_session"("token_hash");

-- CreateIndex
CREATE INDEX "admin_session_expires_at_idx" ON "admin_session"("expires_at");
