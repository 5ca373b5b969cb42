import { type LookupAddress, lookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a webhook may point. The server makes these requests itself, so a subscription is an SSRF
 * vector (a URL at the metadata service, the database, an admin port on localhost): only https to
 * public addresses is allowed, checked when the subscription is made AND on every delivery against
 * the addresses the name resolves to at that moment — the connection then goes to exactly the
 * address that was checked, so a DNS answer cannot change between check and use (rebinding).
 * Redirects are never followed. Hosts in WEBHOOK_INTERNAL_HOSTS are exempt (a receiver inside the
 * city's network, or tests).
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-mapped, NAT64 and 6to4/Teredo embed an IPv4 address that may be private: refuse them all.
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['2002::', 16],
  ['2001::', 32],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `[::1]` → `::1`: URL keeps IPv6 hosts in brackets. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

export function isInternalHost(url: URL, internalHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return internalHosts.includes(host) || internalHosts.includes(bareHost(host));
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

/** Why a webhook URL is refused, or null when it may be used. No DNS here: that happens per delivery. */
export function webhookUrlProblem(raw: string, internalHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a valid absolute URL.';
  }
  const internal = isInternalHost(url, internalHosts);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && internal)) {
    return internal ? 'Use http or https.' : 'Use https (plain http only to hosts allowed by WEBHOOK_INTERNAL_HOSTS).';
  }
  if (url.username || url.password) return 'Credentials in the URL are not allowed; the signature authenticates us.';
  if (url.hash) return 'A URL fragment is never sent; leave it out.';
  if (internal) return null;
  const host = bareHost(url.hostname);
  if (isIP(host) !== 0 && isPrivateAddress(host)) return 'Private, loopback and link-local addresses are not allowed.';
  if (isIP(host) === 0 && (LOCAL_NAMES.test(host) || !host.includes('.'))) {
    return 'Use a public host name (local and single-label names are not allowed).';
  }
  return null;
}

/** A DNS lookup that refuses private answers: handed to the socket, so the checked address is the one dialled. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      const first = usable[0];
      if (!first || (!allowPrivate && usable.length !== addresses.length)) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EBLOCKED' });
        callback(refused, '', 0);
        return;
      }
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}

export interface DeliveryResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one signed delivery. Any 2xx is success; a redirect, another status, a refused address, a
 * timeout or a connection error is a failed attempt (to be retried). The response body is read and
 * dropped: only the status matters, and a receiver must not be able to make us buffer much.
 */
export function postDelivery(
  raw: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; internalHosts: readonly string[] },
): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(raw, options.internalHosts);
  if (problem) return Promise.resolve({ statusCode: null, error: problem, durationMs: 0 });
  const url = new URL(raw);
  const allowPrivate = isInternalHost(url, options.internalHosts);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(backstop);
      resolve({ statusCode, error: error?.slice(0, 500) ?? null, durationMs: elapsed() });
    };
    // The signal aborts the exchange; this only guarantees the attempt ends even if no event follows it.
    const backstop = setTimeout(() => settle(null, 'Timed out.'), options.timeoutMs + 1000);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        const failure =
          status >= 200 && status < 300
            ? null
            : status >= 300 && status < 400
              ? 'Redirects are not followed.'
              : `HTTP ${status}`;
        response.on('end', () => settle(status, failure));
        response.on('error', (error) => settle(status, failure ?? error.message));
        response.on('close', () => settle(status, failure));
        response.resume();
      },
    );
    outgoing.on('error', (error: Error) => {
      settle(null, error.name === 'TimeoutError' || error.name === 'AbortError' ? 'Timed out.' : error.message);
    });
    outgoing.end(body);
  });
}
