import 'server-only';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { PopulationImportIssue } from '@/lib/contracts/populations';
import { calendarYear } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { populationImportSchema } from '@/lib/validations/population-import';
import { recordAudit } from '@/server/audit/record';
import { defineAction, runAction } from '@/server/boundary/action';
import { IMPORT_RETRY_AFTER_SECONDS, readRowsInWorker, tryTakeImportSlot } from '@/server/reports/import/run';
import { bumpDataVersion } from '@/server/verdicts/data-version';
import { checkPopulationRows, type FigureToSave, type ProvinceUnit } from './import-file';

// An administrator's populations file for one province: every row checked first, then all figures saved in one
// transaction, or none (every bad row listed). A figure equal to the stored one is left alone, so importing the same
// file twice changes nothing the second time. Each changed figure writes the audit row the populations page writes
// ('population.import' beside 'population.set', same target and values), and the province's data version is bumped
// once, as for a figure typed on the page: cached rates per 100,000 are recomputed.

/** A report of thousands of bad rows helps nobody: the first ones are listed, with the total. */
export const MAX_LISTED = 500;

class Conflict extends Error {}

const invalidFile = (issues: PopulationImportIssue[]) =>
  ({
    ok: false,
    code: 'invalid',
    message: 'populationFileInvalid',
    issues: issues.slice(0, MAX_LISTED),
    total: issues.length,
  }) as const;

/** A code no unit of the province holds but a unit elsewhere does: say which province it is in. */
async function nameOtherProvinces(prisma: PrismaClient, issues: PopulationImportIssue[]): Promise<void> {
  const unknown = issues.filter((i) => i.code === 'unknownUnit' && i.value);
  if (unknown.length === 0) return;
  const codes = [...new Set(unknown.map((i) => i.value!))];
  const elsewhere = await prisma.adminUnit.findMany({
    where: { gsoCode: { in: codes } },
    select: { gsoCode: true, provinceCode: true },
  });
  const provinces = await prisma.adminUnit.findMany({
    where: { code: { in: [...new Set(elsewhere.map((u) => u.provinceCode))] } },
    select: { code: true, name: true },
  });
  const nameOf = new Map(provinces.map((p) => [p.code, p.name]));
  const where = new Map<string, string[]>();
  for (const u of elsewhere) {
    const name = nameOf.get(u.provinceCode) ?? u.provinceCode;
    const names = where.get(u.gsoCode) ?? [];
    if (!names.includes(name)) where.set(u.gsoCode, [...names, name]);
  }
  for (const issue of unknown) {
    const names = where.get(issue.value!);
    if (names) Object.assign(issue, { code: 'otherProvince', params: { province: names.join(', ') } });
  }
}

const valuesOf = (f: Pick<FigureToSave, 'population' | 'approximate' | 'source'>) => ({
  population: f.population,
  approximate: f.approximate,
  source: f.source,
});

async function saveFigures(prisma: PrismaClient, admin: SessionUser, provinceCode: string, figures: FigureToSave[]) {
  return prisma.$transaction(
    async (tx) => {
      const stored = await tx.unitPopulation.findMany({
        where: { unitId: { in: [...new Set(figures.map((f) => f.unit.id))] } },
        select: {
          id: true,
          unitId: true,
          year: true,
          population: true,
          approximate: true,
          source: true,
          updatedAt: true,
        },
      });
      const storedBy = new Map(stored.map((s) => [`${s.unitId}/${s.year}`, s]));
      let created = 0;
      let updated = 0;
      for (const f of figures) {
        const existing = storedBy.get(`${f.unit.id}/${f.year}`);
        const after = valuesOf(f);
        if (existing && JSON.stringify(valuesOf(existing)) === JSON.stringify(after)) continue;
        if (existing) {
          // compare-and-set on the time read: a figure saved on the page meanwhile is not overwritten
          const { count } = await tx.unitPopulation.updateMany({
            where: { id: existing.id, updatedAt: existing.updatedAt },
            data: { ...after, updatedById: admin.id },
          });
          if (count !== 1) throw new Conflict();
          updated++;
        } else {
          await tx.unitPopulation.create({
            data: { unitId: f.unit.id, year: f.year, ...after, updatedById: admin.id },
          });
          created++;
        }
        await recordAudit(tx, {
          actor: { id: admin.id, label: admin.email },
          action: 'population.import',
          targetType: 'UnitPopulation',
          targetId: `${f.unit.code}/${f.year}`,
          provinceCode,
          before: existing ? valuesOf(existing) : undefined,
          after,
        });
      }
      if (created + updated > 0) await bumpDataVersion(tx, provinceCode);
      return { created, updated, unchanged: figures.length - created - updated };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

export const importPopulations = defineAction({
  name: 'admin.importPopulations',
  permission: 'populations.manage',
  schema: populationImportSchema,
  scope: async (input, prisma) => {
    const province = await prisma.adminUnit.findUnique({
      where: { code: input.provinceCode },
      select: { code: true, kind: true },
    });
    return province?.kind === 'province' ? { provinceCode: province.code } : null;
  },
  messages: { notFound: 'provinceNotFound' },
  run: async ({ user: admin, input, scope, prisma, now }) => {
    const free = tryTakeImportSlot();
    if (!free) return { ok: false, code: 'refused', message: 'importBusy', retryAfter: IMPORT_RETRY_AFTER_SECONDS };
    let read;
    try {
      read = await readRowsInWorker(new Uint8Array(await input.file.arrayBuffer()));
    } finally {
      free();
    }
    if (!read.ok)
      return invalidFile(
        'malformed' in read
          ? read.malformed.map((line) => ({ line, column: null, value: null, code: 'malformedRow' }))
          : [{ line: null, column: null, value: read.issue.value, code: read.issue.code }],
      );
    // an .xlsx's header must be its sheet's first row, as in a CSV
    if (read.kind === 'xlsx' && read.rows[0] && read.rows[0].row !== 1)
      return invalidFile([{ line: null, column: null, value: null, code: 'emptyFile' }]);

    const units: ProvinceUnit[] = await prisma.adminUnit.findMany({
      where: { provinceCode: scope.provinceCode },
      select: { id: true, code: true, gsoCode: true, name: true, validFrom: true, validTo: true },
      orderBy: { id: 'asc' },
    });
    const checked = checkPopulationRows(read.rows, {
      units,
      maxYear: calendarYear(now) + 1,
      defaultSource: input.source,
    });
    if (!checked.ok) {
      await nameOtherProvinces(prisma, checked.issues);
      return invalidFile(checked.issues);
    }
    let counts;
    try {
      counts = await saveFigures(prisma, admin, scope.provinceCode, checked.figures);
    } catch (error) {
      if (error instanceof Conflict) return { ok: false, code: 'conflict', message: 'populationChangedMeanwhile' };
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        return { ok: false, code: 'conflict', message: 'populationChangedMeanwhile' };
      throw error;
    }
    const data = { rows: checked.figures.length, ...counts };
    const changed = counts.created + counts.updated > 0;
    return { ok: true, data, message: changed ? 'populationsImported' : 'noChange' } as const;
  },
});

export const importPopulationsAs = (user: SessionUser | null, raw: unknown) => runAction(importPopulations, user, raw);
