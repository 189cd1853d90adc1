import { hash, verify } from '@node-rs/argon2';
// the lengths live with the forms' schemas, which the browser uses too
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/validations/password';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): @node-rs/argon2's defaults.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the time a real check would when there is no account (or it is inactive), so the response time does not tell
 * which addresses have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hash('surgewatch: no such account');
  await verifyPassword(await dummy, password);
  return false;
}

// The most common passwords of 12 characters or more in public breach lists, and this product's own words. A short
// list on purpose (ASVS 2.1.7 asks for a breached-password check; we cannot call an online service from a health
// department's network), together with the checks below. No composition rules (ASVS 2.1.9).
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '111111111111',
  '000000000000',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwertyuiop123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'password1234',
  'password12345',
  'passwordpassword',
  'iloveyou1234',
  'abcdefghijkl',
  'abc123456789',
  'matkhau12345',
  'matkhau123456',
  'matkhaumoi123',
  'administrator',
  'admin1234567',
  'admin123456789',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'surgewatch123',
  'surgewatch-demo',
  'covid19covid19',
  'covid-19-2026',
  'vietnam12345',
  'hanoi1234567',
  'saigon123456',
  'syt123456789',
  'soyte1234567',
]);

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'repetitive' | 'containsEmail';

/** Why a new password is refused, or null. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if ([...password].length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'common';
  // a few distinct characters repeated ("aaaaaaaaaaaa", "abababababab") or a plain run ("abcdefghijklmnop", "987654321098")
  if (new Set(lower).size <= 3 || isRun(lower)) return 'repetitive';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'containsEmail';
  return null;
}

function isRun(text: string): boolean {
  let up = 0;
  let down = 0;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i) - text.charCodeAt(i - 1);
    if (d === 1 || d === -9) up++; // -9: "…890" wraps to "1…"
    if (d === -1 || d === 9) down++;
  }
  return up >= text.length - 2 || down >= text.length - 2;
}
