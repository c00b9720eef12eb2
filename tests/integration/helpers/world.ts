import type { ParsedMail } from "mailparser";
import pino from "pino";
import { afterAll, beforeAll, expect } from "vitest";
import { closeTransports } from "../../../lib/alerts/smtp";
import { resetEnvCache } from "../../../lib/env";
import { logger } from "../../../lib/logger";
import type { TestDatabase } from "./db";
import { type Inbox, startSmtp } from "./smtp";
import { type Standin, standinClient, syncOnce, withDatabaseAndStandin } from "./sync";

/** A stored record as the stand-in serves it, loosely typed: tests edit a field or two. */
export type StudyRaw = { protocolSection: Record<string, Record<string, unknown>> };

/**
 * One test file's world (or one describe block's, when called inside it): its own fresh migrated
 * database and a stand-in serving the bundled records (withDatabaseAndStandin), made before its tests
 * and removed after them, with the app's modules (DATABASE_URL) pointed at that database meanwhile.
 * With `synced`, the database first gets one full sync from the untouched stand-in; `databaseTimeZone`
 * is passed on to withDatabaseAndStandin. Its fields exist
 * once its first beforeAll has run, so read them inside tests and hooks.
 */
export type World = {
  readonly database: TestDatabase;
  readonly standin: Standin;
  /** One full sync from the stand-in, which must succeed. */
  sync(): ReturnType<typeof syncOnce>;
  /** The stand-in serves the stored record of `nctId` with `edit` applied: the next sync sees the change. */
  editStudy(nctId: string, edit: (raw: StudyRaw) => void): Promise<void>;
  /** editStudy for the commonest change, the trial's overall status. */
  setStatus(nctId: string, overallStatus: string): Promise<void>;
  /** The environment of a child process (sync or worker) that syncs this database from this stand-in, `pageSize` studies a page. */
  childEnv(pageSize: number): Record<string, string>;
};

/** A World whose alert mail goes to a real SMTP server in this process. */
export type MailWorld = World & {
  readonly inbox: Inbox;
  /** Points the app's mailer at `url`; undefined unsets SMTP_URL (alerts off). */
  useSmtp(url: string | undefined): void;
  /** The alert digests the inbox received, oldest first. */
  digests(): ParsedMail[];
};

function made<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the world's ${what} is made in beforeAll: read it inside a test or hook`);
  return value;
}

export function fileWorld(opts: { synced?: boolean; databaseTimeZone?: string } = {}): World {
  let database: TestDatabase | undefined;
  let standin: Standin | undefined;
  const before = process.env.DATABASE_URL;
  withDatabaseAndStandin((d, s) => {
    database = d;
    standin = s;
    process.env.DATABASE_URL = d.url;
  }, opts);
  afterAll(() => {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  });
  const self: World = {
    get database() {
      return made(database, "database");
    },
    get standin() {
      return made(standin, "stand-in");
    },
    async sync() {
      const outcome = await syncOnce(self.database.prisma, standinClient(self.standin.url), "full");
      expect(outcome.status).toBe("succeeded");
      return outcome;
    },
    async editStudy(nctId, edit) {
      const raw = structuredClone((await self.database.prisma.trial.findUniqueOrThrow({ where: { nctId } })).raw) as StudyRaw;
      edit(raw);
      self.standin.upsertStudy(raw);
    },
    setStatus: (nctId, overallStatus) => self.editStudy(nctId, (raw) => (raw.protocolSection.statusModule!.overallStatus = overallStatus)),
    childEnv: (pageSize) => ({ DATABASE_URL: self.database.url, CTGOV_BASE_URL: self.standin.url, CTGOV_PAGE_SIZE: String(pageSize), CTGOV_RATE_LIMIT_PER_MIN: "6000", LOG_LEVEL: "warn" }),
  };
  // A full sync of the bundled records takes a while on PGlite.
  if (opts.synced)
    beforeAll(async () => {
      await self.sync();
    }, 240_000);
  return self;
}

/** The site's address in alert mail: PUBLIC_URL of a MailWorld. */
export const MAIL_ORIGIN = "http://finder.test";

/** A World plus a real SMTP server the app's mailer sends to, started before the file's tests and closed after them. */
export function mailWorld(): MailWorld {
  const base = fileWorld();
  let inbox: Inbox | undefined;
  const self: MailWorld = {
    get database() {
      return base.database;
    },
    get standin() {
      return base.standin;
    },
    get inbox() {
      return made(inbox, "inbox");
    },
    sync: base.sync,
    editStudy: base.editStudy,
    setStatus: base.setStatus,
    childEnv: base.childEnv,
    useSmtp(url) {
      if (url === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = url;
      resetEnvCache();
      closeTransports();
    },
    digests: () => self.inbox.messages.filter((m) => m.subject?.startsWith("Trial alert")),
  };
  beforeAll(async () => {
    inbox = await startSmtp();
    Object.assign(process.env, { PUBLIC_URL: MAIL_ORIGIN, ALERTS_FROM: "Disc Trial Finder <alerts@finder.test>" });
    self.useSmtp(inbox.url);
  });
  afterAll(async () => {
    closeTransports();
    await inbox?.close();
  });
  return self;
}

/**
 * Every line the app's logger writes while the file runs, at every level (for tests that check what
 * was, and was never, logged). The level goes back to warn after the file.
 */
export function captureLog(): string[] {
  const lines: string[] = [];
  beforeAll(() => {
    const stream = (logger as unknown as Record<symbol, { write(s: string): boolean }>)[pino.symbols.streamSym]!;
    const write = stream.write.bind(stream);
    stream.write = (s: string) => {
      lines.push(s);
      return write(s);
    };
    logger.level = "trace";
  });
  afterAll(() => {
    logger.level = "warn";
  });
  return lines;
}
