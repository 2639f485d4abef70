/**
 * The self-signed certificate for 127.0.0.1 that tests and the benchmark serve HTTPS with on
 * loopback (test/fixtures/loopback-tls/): MSAL takes only an https authority. Its certificate is
 * its own CA: a client trusts it with `ca`, a process with NODE_EXTRA_CA_CERTS.
 */
import { readFileSync } from 'node:fs';

export const LOOPBACK_TLS_DIR = 'test/fixtures/loopback-tls';
export const LOOPBACK_CA_FILE = `${LOOPBACK_TLS_DIR}/cert.pem`;

export function loopbackTls(): { key: Buffer; cert: Buffer } {
  return {
    key: readFileSync(`${LOOPBACK_TLS_DIR}/key.pem`),
    cert: readFileSync(LOOPBACK_CA_FILE),
  };
}
