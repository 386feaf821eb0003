/**
 * The certificate for HTTPS on the school network. The school's own (TLS_CERT / TLS_KEY) when
 * given; otherwise a self-signed one made on first run and kept in .classroom/ (gitignored), made
 * again when it expires or no longer names this machine's address (a laptop on another Wi-Fi).
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { TlsChoice } from './config';

export interface Tls {
  readonly cert: string;
  readonly key: string;
  /** SHA-256 fingerprint: read it out to compare with what a device shows. */
  readonly fingerprint: string;
  readonly selfSigned: boolean;
}

const DAY = 86_400_000;

function covers(cert: X509Certificate, names: readonly string[], now: number): boolean {
  if (Date.parse(cert.validTo) - now < 7 * DAY) return false;
  const san = cert.subjectAltName ?? '';
  return names.every((n) => san.includes(`DNS:${n}`) || san.includes(`IP Address:${n}`));
}

async function selfSigned(dir: string, ips: readonly string[], log: (line: string) => void): Promise<Tls> {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const dns = ['localhost', hostname(), `${hostname()}.local`];
  const addresses = ['127.0.0.1', ...ips];
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const x = new X509Certificate(cert);
    if (covers(x, [...dns, ...addresses], Date.now())) return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: x.fingerprint256, selfSigned: true };
    log('certificate expired or does not name this machine: making a new one');
  }
  const notAfterDate = new Date(Date.now() + 365 * DAY);
  const pems = await generate([{ name: 'commonName', value: `Backlot classroom (${hostname()})` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...addresses.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, pems.cert);
  log(`made a self-signed certificate in ${certFile}`);
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256, selfSigned: true };
}

export async function loadTls(choice: TlsChoice, dir: string, ips: readonly string[], log: (line: string) => void): Promise<Tls | null> {
  if (choice.kind === 'off') return null;
  if (choice.kind === 'self-signed') return selfSigned(dir, ips, log);
  const cert = readFileSync(choice.cert, 'utf8');
  return { cert, key: readFileSync(choice.key, 'utf8'), fingerprint: new X509Certificate(cert).fingerprint256, selfSigned: false };
}
