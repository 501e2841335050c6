import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

// Copied in small from apps/server/test/helpers/smtp.ts: the journeys must not reach into the
// server's test folder, and mailparser is not installed, so the little decoding we need lives here.

export type TReceivedMail = {
  /** Envelope recipients: where the message really went, whatever the headers say. */
  to: string[];
  subject: string;
  /** The first text/plain part, transfer encoding undone, line ends as `\n`. */
  text: string;
  raw: string;
};

export type TSmtp = {
  /** For KONTOR_SMTP_URL; `ignoreTLS` keeps nodemailer from asking for STARTTLS. */
  url: string;
  messages: TReceivedMail[];
  /** The first mail to `address` (already received or still to come), or an error after the wait. */
  waitForMailTo: (address: string, timeoutMs?: number) => Promise<TReceivedMail>;
  close: () => Promise<void>;
};

/** A real SMTP server on 127.0.0.1 and a free port that keeps every message Kontor sends. */
export async function startSmtp(): Promise<TSmtp> {
  const messages: TReceivedMail[] = [];
  const listeners = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // No STARTTLS on offer: otherwise nodemailer would try it against a self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        messages.push(parseMail(Buffer.concat(chunks).toString('latin1'), session.envelope));
        for (const listener of listeners) listener();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const waitForMailTo = (address: string, timeoutMs = 15_000) =>
    new Promise<TReceivedMail>((resolve, reject) => {
      const wanted = address.toLowerCase();
      const check = () => {
        const found = messages.find((m) => m.to.some((to) => to.toLowerCase() === wanted));
        if (!found) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'none';
        reject(new Error(`no mail to ${address} within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    waitForMailTo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The message arrives as bytes; latin1 keeps one character per byte so that the transfer
// encodings can be undone byte for byte and the result read as UTF-8 (nodemailer's charset).
function parseMail(raw: string, envelope: SMTPServerEnvelope): TReceivedMail {
  const { headers, body } = splitMessage(raw);
  return {
    to: envelope.rcptTo.map((r) => r.address),
    subject: decodeHeader(headers.subject ?? ''),
    text: textOf(headers, body).replace(/\r\n/g, '\n'),
    raw: utf8(raw),
  };
}

function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 4) };
}

function textOf(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1, -1)) {
      const inner = splitMessage(part.replace(/^\r\n/, ''));
      const text = textOf(inner.headers, inner.body);
      if (text) return text;
    }
    return '';
  }
  if (!/^text\/plain/i.test(type)) return '';
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return utf8(latin1OfQuotedPrintable(body.replace(/=\r\n/g, '')));
  return utf8(body);
}

// RFC 2047 encoded words, as nodemailer writes non-ASCII subjects: =?UTF-8?Q?...?= or =?UTF-8?B?...?=
function decodeHeader(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const decoded = joined.replace(/=\?[^?]+\?([bBqQ])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('latin1')
      : latin1OfQuotedPrintable(text.replace(/_/g, ' ')),
  );
  return utf8(decoded);
}

function latin1OfQuotedPrintable(text: string): string {
  return text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
