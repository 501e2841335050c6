import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export type TMail = { to: string; subject: string; text: string };
export type TMailer = { send: (mail: TMail) => Promise<void>; close: () => void };

/**
 * Sends mail over the SMTP server of KONTOR_SMTP_URL: `smtps://` for TLS from the start, `smtp://`
 * upgrades with STARTTLS when the server offers it (and checks its certificate);
 * `smtp://...?ignoreTLS=true` stays plain. Without one (development), the mail is
 * written to the log instead, so that a reset link can still be followed.
 */
export function createMailer(smtpUrl: string | null, from: string, logger: Logger): TMailer {
  if (!smtpUrl) {
    return {
      send: async (mail) => {
        logger.warn({ mail }, 'KONTOR_SMTP_URL is not set: mail written to the log instead of sent');
      },
      close: () => undefined,
    };
  }
  // nodemailer waits up to ten minutes on a silent server, longer than a job's lease: another process
  // would then send the same mail again. Parameters in the URL (?socketTimeout=...) still win.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (mail) => {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
