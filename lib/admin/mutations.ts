import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { credentialFingerprint, hashSessionToken, newSessionToken, SESSION_TTL_SECONDS, type SessionKeyMaterial, type SessionPayload } from "./session";

/** Admin actions recorded in audit_log. `detail` must never hold a secret (no passwords, tokens, cookies). */
export type AuditAction = "login" | "login_failed" | "login_rate_limited" | "logout" | "logout_everywhere" | "sync_started" | "sync_refused_running";

export type AuditEntry = { actor: string; action: AuditAction; ip: string | null; detail?: Record<string, string | number | boolean | null> };

export async function recordAudit(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  await prisma.auditLog.create({ data: { actor: entry.actor, action: entry.action, ip: entry.ip, detail: entry.detail ?? {} } });
  logger.info({ audit: entry.action, actor: entry.actor, ip: entry.ip, ...entry.detail }, "admin action");
}

/**
 * For actions that have already happened (a sync claimed, a logout): the audit row must not undo or
 * misreport them. If the table cannot be written, the entry still reaches the log.
 */
export async function recordAuditAfterTheFact(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  try {
    await recordAudit(prisma, entry);
  } catch (err) {
    logger.error({ audit: entry.action, actor: entry.actor, ip: entry.ip, ...entry.detail, err: (err as Error).message }, "admin action (audit row not written)");
  }
}

/** Opens a server-side session; returns the cookie token (never stored) and what the gate will see. */
export async function openSession(prisma: PrismaClient, k: SessionKeyMaterial, now = Date.now(), ttlSeconds = SESSION_TTL_SECONDS): Promise<{ token: string; session: SessionPayload }> {
  const token = newSessionToken();
  const id = randomBytes(12).toString("base64url");
  const iat = Math.floor(now / 1000);
  const session: SessionPayload = { sid: id, iat, exp: iat + ttlSeconds };
  // Expired rows go as new ones come, so the table stays as small as the live sessions.
  await prisma.adminSession.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await prisma.adminSession.create({
    data: { id, tokenHash: hashSessionToken(token), credentialFingerprint: credentialFingerprint(k), createdAt: new Date(iat * 1000), expiresAt: new Date(session.exp * 1000) },
  });
  return { token, session };
}

/** Ends the session this token opened (logout). Deleting by the token's hash needs no valid session: an unknown token ends nothing. */
export async function endSession(prisma: PrismaClient, token: string): Promise<SessionPayload | null> {
  const rows = await prisma.$queryRaw<{ id: string; created_at: Date; expires_at: Date }[]>`DELETE FROM admin_session WHERE token_hash = ${hashSessionToken(token)} RETURNING id, created_at, expires_at`;
  const row = rows[0] ? { id: rows[0].id, createdAt: rows[0].created_at, expiresAt: rows[0].expires_at } : undefined;
  return row ? { sid: row.id, iat: Math.floor(row.createdAt.getTime() / 1000), exp: Math.floor(row.expiresAt.getTime() / 1000) } : null;
}

/** Ends every session (for an operator who suspects a leaked cookie without changing the password). */
export async function endAllSessions(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.adminSession.deleteMany({});
  return count;
}
