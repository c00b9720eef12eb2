import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server in this process (the `smtp-server` package): every message it accepts, parsed. */
export type Inbox = { url: string; port: number; messages: ParsedMail[]; raw: string[]; close(): Promise<void> };

/** A header of a raw message, unfolded (mailparser turns List-* headers into objects). */
export function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim();
}

export async function startSmtp(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        simpleParser(text).then(
          (m) => {
            raw.push(text);
            messages.push(m);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}?tls=off`, port, messages, raw, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An SMTP URL nothing listens on (a server started and closed again): mail that must fail. */
export async function deadSmtpUrl(): Promise<string> {
  const dead = await startSmtp();
  await dead.close();
  return dead.url;
}
