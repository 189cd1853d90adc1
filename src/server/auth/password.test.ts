import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyAgainstNothing, verifyPassword } from './password';

describe('passwordProblem', () => {
  it.each([
    ['short1234', null, 'tooShort'],
    ['mười một ký', null, 'tooShort'],
    ['x'.repeat(129), null, 'tooLong'],
    ['Password1234', null, 'common'],
    ['aaaaaaaaaaaaaa', null, 'repetitive'],
    ['abababababababab', null, 'repetitive'],
    ['abcdefghijklmnop', null, 'repetitive'],
    ['987654321098', null, 'repetitive'],
    ['nguyenvana-2026!', 'nguyenvana@syt.gov.vn', 'containsEmail'],
    ['mây trắng bay qua đèo', 'nguyenvana@syt.gov.vn', null],
    ['correct horse battery staple', null, null],
    ['x7#Lq9!mPz2@', null, null],
  ])('%j → %s', (password, email, expected) => {
    expect(passwordProblem(password, { email: email ?? undefined })).toBe(expected);
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only, and a broken hash is a failure, not an error', async () => {
    const h = await hashPassword('mây trắng bay qua đèo');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'mây trắng bay qua đèo')).toBe(true);
    expect(await verifyPassword(h, 'mây trắng bay qua đèo!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyAgainstNothing('anything')).toBe(false);
  });
});
