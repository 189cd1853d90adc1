import type { TokenScope } from '@/lib/validations/api-token';

/** A personal API token as its owner's token page lists it (never the token itself, shown once at creation). */
export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  scope: TokenScope;
}
