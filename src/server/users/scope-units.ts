import 'server-only';
import { z } from 'zod';
import { defineAction } from '@/server/boundary/action';
import { getScopeUnits } from './queries';

// The user forms' unit list for the province just chosen (a province's reporting units are too many to send for every
// province with the page): a read, through the one action wrapper like every action.

export const scopeUnits = defineAction({
  name: 'admin.scopeUnits',
  permission: 'users.manage',
  schema: z.object({ provinceCode: z.string().trim().min(1).max(40) }),
  scope: () => ({}),
  run: async ({ user, input }) => ({ ok: true, data: (await getScopeUnits(user, input.provinceCode)) ?? [] }) as const,
});
