import type { NetworkInterfaceInfo } from 'node:os';
import type { Config } from './config';

/** The addresses a browser can use to reach a server listening on `host` (all interfaces: each IPv4 one). */
export function consoleUrls(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const addresses = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  return ['localhost', ...addresses].map((address) => `http://${address}:${port}`);
}

/**
 * What the start-up log says about how the console is served: where, and what plain http means for
 * cookies and HSTS (plugins/security.ts decides both per request).
 */
export function describeServing(
  config: Pick<Config, 'host' | 'port' | 'trustProxy' | 'secureCookies' | 'consoleDir'>,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): { level: 'info' | 'warn'; message: string } {
  const what = config.consoleDir === null ? 'API' : 'console';
  const where = `${what} at ${consoleUrls(config.host, config.port, interfaces).join(', ')}`;
  if (config.secureCookies === true) {
    return {
      level: 'info',
      message: `${where} — SECURE_COOKIES=1: the session cookie is Secure, so browsers keep it only over https`,
    };
  }
  if (config.trustProxy) {
    return {
      level: 'info',
      message: `${where} — behind a proxy (TRUST_PROXY=1): HSTS and Secure cookies where X-Forwarded-Proto says https, none over plain http`,
    };
  }
  return {
    level: 'warn',
    message: `${where} — plain HTTP: cookies without Secure, no HSTS; put TLS in front for production (then TRUST_PROXY=1)`,
  };
}
