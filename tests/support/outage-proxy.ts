import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy between the API and PostgreSQL that can take the database away and bring it back, as
 * a restart does, without stopping the machine's PostgreSQL (other test files use it at the same
 * time). `down()` cuts every open connection mid-stream and refuses new ones (ECONNREFUSED, as a
 * stopped server does); `up()` listens again on the same port.
 */
export interface OutageProxy {
  port: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageProxy(target: { host: string; port: number }): Promise<OutageProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        const forget = () => {
          sockets.delete(client);
          sockets.delete(upstream);
          client.destroy();
          upstream.destroy();
        };
        client.on('error', forget).on('close', forget);
        upstream.on('error', forget).on('close', forget);
        upstream.connect(target.port, target.host, () => {
          client.pipe(upstream);
          upstream.pipe(client);
        });
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        const address = next.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (running) running.close(() => resolve());
      else resolve();
    });

  const port = await listen(0);
  return {
    port,
    down: stop,
    up: async () => {
      await listen(port);
    },
    close: stop,
  };
}
