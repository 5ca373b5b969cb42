import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The delivered event, parsed. */
  event: { id: string; type: string; resourceId: string; societyId: string | null };
}

/**
 * A webhook receiver for tests, verifying signatures the way docs/webhooks.md tells integrators to.
 * `answer` decides each response's status; `hold` keeps responses back until it resolves.
 */
export interface Receiver {
  url: string;
  received: Received[];
  answer: (request: Received) => number;
  hold: (() => Promise<void>) | null;
  /** Requests being answered right now. */
  open: () => number;
  close: () => Promise<void>;
}

export function verifySignature(secret: string, headers: IncomingHttpHeaders, body: string, now = Date.now()): boolean {
  const timestamp = Number(headers['societyhub-timestamp']);
  const signature = String(headers['societyhub-signature'] ?? '');
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > 300) return false;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

export async function startReceiver(): Promise<Receiver> {
  let open = 0;
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => 204,
    hold: null,
    open: () => open,
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { path: request.url ?? '', headers: request.headers, body, event: JSON.parse(body) };
      receiver.received.push(entry);
      open += 1;
      void (receiver.hold ?? (async () => {}))().then(() => {
        open -= 1;
        response.writeHead(receiver.answer(entry)).end();
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** Polls until `check` holds (the worker runs on its own schedule), failing after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
