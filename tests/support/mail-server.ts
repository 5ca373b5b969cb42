import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  to: string[];
  /** The message as it arrived, unparsed: to check how headers were encoded. */
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a local port, as the API's mail relay: it accepts what nodemailer sends (the
 * user and password of the URL, plain auth over an unencrypted local connection) and keeps each
 * message, parsed with mailparser. It can be taken down and brought back on the same port.
 */
export interface MailServer {
  url: string;
  received: ReceivedMail[];
  /** Waits until `count` messages to `address` have arrived, and returns them. */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const make = () =>
    new SMTPServer({
      secure: false,
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 'mail-secret') callback(null, { user: 'mailer' });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
              callback();
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
        });
      },
    });
  let server = make();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP server has no port');
  const { port } = address;
  let up = true;

  return {
    url: `smtp://mailer:mail-secret@127.0.0.1:${port}`,
    received,
    async waitFor(to, count = 1, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mails = received.filter((m) => m.to.includes(to));
        if (mails.length >= count) return mails;
        if (Date.now() > deadline)
          throw new Error(`${mails.length} of ${count} mails to ${to} arrived in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (!up) return;
      up = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (up) return;
      server = make();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
      up = true;
    },
  };
}

/** The first link into the console that a mail's text carries. */
export function linkIn(mail: ReceivedMail, base: string): URL {
  const text = mail.parsed.text ?? '';
  const found = text.split(/\s+/).find((word) => word.startsWith(base));
  if (!found) throw new Error(`no link to ${base} in: ${text}`);
  return new URL(found);
}
