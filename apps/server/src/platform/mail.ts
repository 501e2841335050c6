import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export type TAttachment = { filename: string; content: Buffer; contentType: string };
export type TMail = { to: string; subject: string; text: string; attachments?: TAttachment[] };
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
        const { attachments, ...rest } = mail;
        const files = attachments?.map((a) => ({ filename: a.filename, bytes: a.content.length }));
        logger.warn(
          { mail: { ...rest, attachments: files } },
          'KONTOR_SMTP_URL is not set: mail written to the log instead of sent',
        );
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
      const { to, subject, text, attachments } = mail;
      await transport.sendMail({ from, to, subject, text, attachments });
    },
    close: () => transport.close(),
  };
}
