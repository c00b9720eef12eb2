import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";

/** Admin actions recorded in audit_log. `detail` must never hold a secret (no passwords, tokens, cookies). */
export type AuditAction = "login" | "login_failed" | "login_rate_limited" | "logout" | "sync_started" | "sync_refused_running";

export type AuditEntry = { actor: string; action: AuditAction; ip: string | null; detail?: Record<string, string | number | boolean | null> };

export async function recordAudit(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  await prisma.auditLog.create({ data: { actor: entry.actor, action: entry.action, ip: entry.ip, detail: entry.detail ?? {} } });
  logger.info({ audit: entry.action, actor: entry.actor, ip: entry.ip, ...entry.detail }, "admin action");
}

/**
 * For actions that have already happened (a sync claimed, a logout): the audit row must not undo or
 * misreport them. If the table cannot be written, the entry still reaches the log.
 */
export async function recordAuditAfterTheFact(connect: () => PrismaClient, entry: AuditEntry): Promise<void> {
  try {
    await recordAudit(connect(), entry);
  } catch (err) {
    logger.error({ audit: entry.action, actor: entry.actor, ip: entry.ip, ...entry.detail, err: (err as Error).message }, "admin action (audit row not written)");
  }
}
