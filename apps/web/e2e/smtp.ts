// The journeys' mail server: the server tests' in-process SMTP server (a real one, on a free
// port), with the URL Kontor is started with and a wait for the mail to one address.
import { startSmtpServer, type TReceivedMail } from '../../server/test/helpers/smtp';

export type { TReceivedMail };

export type TSmtp = {
  /** For KONTOR_SMTP_URL; `ignoreTLS` keeps nodemailer from asking for STARTTLS. */
  url: string;
  messages: TReceivedMail[];
  /** The first mail to `address` (already received or still to come), or an error after the wait. */
  waitForMailTo: (address: string, timeoutMs?: number) => Promise<TReceivedMail>;
  close: () => Promise<void>;
};

export async function startSmtp(): Promise<TSmtp> {
  const server = await startSmtpServer();
  return {
    url: `${server.url}?ignoreTLS=true`,
    messages: server.messages,
    waitForMailTo: (address, timeoutMs = 15_000) =>
      server.waitFor((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()), timeoutMs),
    close: server.close,
  };
}
