/**
 * A loopback port nothing listens on right now: bound on 0, then released for a server that must
 * be told its port before it starts (redis-server, a replica whose notification URL Graph is
 * given). Another process could take it in between; the callers are tests on one machine.
 */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
