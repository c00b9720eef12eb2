import nodemailer, { type Transporter } from "nodemailer";

/**
 * Mail over SMTP with nodemailer. Every connection step has a timeout so a dead or slow server fails
 * the send (it is retried later, with a bound) instead of hanging the job.
 */
export type OutgoingMail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string>; messageId?: string };

const transports = new Map<string, Transporter>();

function transport(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    const url = new URL(smtpUrl);
    t = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // Plain smtp:// to a local relay or test server may have no TLS; STARTTLS is still used when offered.
      ignoreTLS: url.searchParams.get("tls") === "off",
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
      debug: false,
    });
    transports.set(smtpUrl, t);
  }
  return t;
}

export async function sendMail(smtpUrl: string, from: string, mail: OutgoingMail): Promise<void> {
  await transport(smtpUrl).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId });
}

export function closeTransports() {
  for (const t of transports.values()) t.close();
  transports.clear();
}
