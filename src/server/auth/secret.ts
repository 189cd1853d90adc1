import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env';

// Outside demo mode NEXTAUTH_SECRET is required (env.ts refuses to start without it). In demo mode the secret is made
// once and kept in the data folder, so sessions survive a restart and no secret is ever committed.
export function authSecret(): string {
  const e = env();
  if (e.authSecret) return e.authSecret;
  const file = path.resolve(e.dataDir, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
}
