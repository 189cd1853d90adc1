import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { SessionUser } from '@/lib/roles';
import { catalogueImportSchema } from '@/lib/validations/admin-units';
import { defineAction, runAction } from '@/server/boundary/action';
import { applyCatalogue, CatalogueError, checksum, parseCatalogue, parseSuccession } from './catalogue';

// An administrator's catalogue update (issue 15, item 7): a full catalogue and a succession file, the shapes of
// prisma/data/admin-units, with the day the change takes effect. Applied by applyCatalogue in one transaction, all
// or nothing, which writes its audit row and its CatalogueChange (importing the same files with the same date again
// finds it and changes nothing). Every problem is listed; nothing is written unless there is none.

/** A report of thousands of problems helps nobody: the first ones are listed, with the total. */
export const MAX_LISTED_PROBLEMS = 200;
/** Any number: serialises catalogue updates (each reads the whole tree before it writes). */
const CATALOGUE_LOCK = 15_0701;

const refused = (problems: string[]) =>
  ({
    ok: false,
    code: 'invalid',
    message: 'catalogueInvalid',
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    total: problems.length,
  }) as const;

/** UTF-8 text, or null (a spreadsheet saved as .xlsx, a file in another encoding) */
async function textOf(file: Blob): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

export const importCatalogue = defineAction({
  name: 'admin.importCatalogue',
  permission: 'units.manage',
  schema: catalogueImportSchema,
  scope: () => ({}),
  run: async ({ user: admin, input, prisma }) => {
    const [catalogueText, successionText] = await Promise.all([textOf(input.catalogue), textOf(input.succession)]);
    const notText = [
      ...(catalogueText === null ? ['catalogue: the file is not UTF-8 text (save it as CSV UTF-8)'] : []),
      ...(successionText === null ? ['succession: the file is not UTF-8 text (save it as CSV UTF-8)'] : []),
    ];
    if (notText.length) return refused(notText);
    const E = input.effectiveDate;
    const sum = checksum([E, catalogueText! + successionText!]);
    if (await prisma.catalogueChange.findUnique({ where: { checksum: sum }, select: { id: true } }))
      return { ok: true, data: { applied: false, effectiveDate: E }, message: 'catalogueAlreadyApplied' } as const;

    const catalogue = parseCatalogue(catalogueText!, 'catalogue');
    const succession = parseSuccession(successionText!, 'succession');
    const problems = [...catalogue.problems, ...succession.problems];
    if (problems.length) return refused(problems);

    try {
      return await prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK}::bigint)`;
          // changes apply in order: one dated before the latest applied would rewrite history under it
          const latest = await tx.catalogueChange.findFirst({
            where: { effectiveDate: { not: null } },
            orderBy: { effectiveDate: 'desc' },
            select: { effectiveDate: true },
          });
          const latestDay = latest?.effectiveDate?.toISOString().slice(0, 10);
          if (latestDay && E <= latestDay)
            return { ok: false, code: 'invalid', message: 'catalogueNotAfter', params: { date: latestDay } } as const;
          const result = await applyCatalogue(
            tx,
            {
              effectiveDate: E,
              units: catalogue.units,
              successions: succession.rows,
              source: `${input.catalogue instanceof File ? input.catalogue.name : 'catalogue'} + ${
                input.succession instanceof File ? input.succession.name : 'succession'
              } (imported by ${admin.email})`.slice(0, 500),
              checksumOf: catalogueText! + successionText!,
            },
            admin.email,
          );
          if (!result.applied)
            return {
              ok: true,
              data: { applied: false, effectiveDate: E },
              message: 'catalogueAlreadyApplied',
            } as const;
          // applyCatalogue names the actor by label; the row it has just written gets the account too
          await tx.auditLog.updateMany({
            where: { action: 'units.catalogue', targetId: E, actorLabel: admin.email, actorId: null },
            data: { actorId: admin.id },
          });
          // every province's expected reporters may have changed: cached figures and verdicts are recomputed
          await tx.$executeRaw`INSERT INTO "DataVersion" ("provinceCode", version, "updatedAt")
            SELECT code, 1, now() FROM "AdminUnit" WHERE depth = 0
            ON CONFLICT ("provinceCode") DO UPDATE SET version = "DataVersion".version + 1, "updatedAt" = now()`;
          return { ok: true, data: { ...result, effectiveDate: E }, message: 'catalogueApplied' } as const;
        },
        { timeout: 600_000, maxWait: 60_000 },
      );
    } catch (error) {
      if (error instanceof CatalogueError) return refused(error.problems);
      // the same change committed by another request meanwhile
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        return { ok: true, data: { applied: false, effectiveDate: E }, message: 'catalogueAlreadyApplied' } as const;
      throw error;
    }
  },
});

export const importCatalogueAs = (user: SessionUser | null, raw: unknown) => runAction(importCatalogue, user, raw);
