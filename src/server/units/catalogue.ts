import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { PrismaClient } from '@/generated/prisma/client';

// Official catalogues of administrative units, applied to the unit tree: the reference load at first start (the
// 2025-03-01 catalogue as the base, then the 2025-07-01 reform with its succession) and administrators' later changes,
// in the same two file shapes. A unit is identified by itself, not by its code (codes are reused across a reform): the
// handle (`AdminUnit.code`) is the GSO code while one unit holds it, and `<code>~<yyyymmdd>` of its last day once it
// has ended and a later unit took the code. docs/adr/0014-units-in-time.md
// No `server-only`: the start-up script and the tests run it outside Next.

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export type Level = 'province' | 'district' | 'commune';
const LEVELS: readonly Level[] = ['province', 'district', 'commune'];

export interface CatalogueUnit {
  level: Level;
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  line: number;
}

export interface SuccessionRow {
  level: Level;
  /** the old unit's level: the level, except for island districts without communes (Bạch Long Vĩ, Côn Đảo...), which
   * the reform made commune-level special zones (đặc khu): a commune row whose old code has a district's 3 digits */
  oldLevel: Level;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  share: 'full' | 'partial';
  line: number;
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the catalogue: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'CatalogueError';
  }
}

const CODE_DIGITS: Record<Level, number> = { province: 2, district: 3, commune: 5 };

function readCsv(text: string, file: string, columns: string[], problems: string[]): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const absent = columns.filter((c) => !fields.includes(c));
  if (absent.length) {
    problems.push(`${file}: missing column(s) ${absent.join(', ')} (expected ${columns.join(',')})`);
    return [];
  }
  return parsed.data;
}

function level(value: string | undefined, where: string, problems: string[]): Level | null {
  const v = (value ?? '').trim() as Level;
  if (LEVELS.includes(v)) return v;
  problems.push(`${where}: level "${value ?? ''}" is not province, district or commune`);
  return null;
}

function code(value: string | undefined, lvl: Level, where: string, problems: string[]): string | null {
  const v = (value ?? '').trim();
  if (new RegExp(`^\\d{${CODE_DIGITS[lvl]}}$`).test(v)) return v;
  problems.push(`${where}: code "${v}" is not ${CODE_DIGITS[lvl]} digits for a ${lvl}`);
  return null;
}

/** A full catalogue (`level,code,name,type,parent_code`); problems name the file and line. */
export function parseCatalogue(text: string, file = 'catalogue'): { units: CatalogueUnit[]; problems: string[] } {
  const problems: string[] = [];
  const rows = readCsv(text, file, ['level', 'code', 'name', 'type', 'parent_code'], problems);
  const units: CatalogueUnit[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const where = `${file} line ${i + 2}`;
    const lvl = level(r.level, where, problems);
    if (!lvl) return;
    const c = code(r.code, lvl, where, problems);
    const name = (r.name ?? '').trim();
    if (!name) problems.push(`${where}: the name is empty`);
    const parent = (r.parent_code ?? '').trim() || null;
    if (lvl === 'province' && parent) problems.push(`${where}: a province has no parent (got "${parent}")`);
    if (lvl !== 'province' && !parent) problems.push(`${where}: a ${lvl} needs parent_code`);
    if (!c || !name) return;
    if (seen.has(`${lvl}:${c}`)) problems.push(`${where}: ${lvl} ${c} is listed twice`);
    seen.add(`${lvl}:${c}`);
    units.push({ level: lvl, code: c, name, type: (r.type ?? '').trim(), parentCode: parent, line: i + 2 });
  });
  for (const u of units) {
    if (!u.parentCode) continue;
    const parentLevels: Level[] = u.level === 'district' ? ['province'] : ['district', 'province'];
    if (!parentLevels.some((l) => seen.has(`${l}:${u.parentCode}`)))
      problems.push(`${file} line ${u.line}: parent ${u.parentCode} of ${u.level} ${u.code} is not in the file`);
  }
  if (!units.some((u) => u.level === 'province') && problems.length === 0)
    problems.push(`${file}: no province in the catalogue`);
  return { units, problems };
}

/** A succession file (`level,old_code,old_name,new_code,new_name,share`). */
export function parseSuccession(text: string, file = 'succession'): { rows: SuccessionRow[]; problems: string[] } {
  const problems: string[] = [];
  const raw = readCsv(text, file, ['level', 'old_code', 'old_name', 'new_code', 'new_name', 'share'], problems);
  const rows: SuccessionRow[] = [];
  const seen = new Set<string>();
  raw.forEach((r, i) => {
    const where = `${file} line ${i + 2}`;
    const lvl = level(r.level, where, problems);
    if (!lvl) return;
    const oldLevel: Level = lvl === 'commune' && /^\d{3}$/.test((r.old_code ?? '').trim()) ? 'district' : lvl;
    const oldCode = code(r.old_code, oldLevel, where, problems);
    const newCode = code(r.new_code, lvl, where, problems);
    const share = (r.share ?? '').trim();
    if (share !== 'full' && share !== 'partial') problems.push(`${where}: share "${share}" is not full or partial`);
    if (!oldCode || !newCode || (share !== 'full' && share !== 'partial')) return;
    const key = `${lvl}:${oldCode}>${newCode}`;
    if (seen.has(key)) problems.push(`${where}: ${lvl} ${oldCode} → ${newCode} is listed twice`);
    seen.add(key);
    rows.push({
      level: lvl,
      oldLevel,
      oldCode,
      oldName: (r.old_name ?? '').trim(),
      newCode,
      newName: (r.new_name ?? '').trim(),
      share,
      line: i + 2,
    });
  });
  return { rows, problems };
}

export interface CatalogueChangeInput {
  /** null for a base catalogue: units valid from an open start (matched to units already in the tree by code) */
  effectiveDate: string | null;
  units: CatalogueUnit[];
  successions: SuccessionRow[];
  /** where the files came from, for the record */
  source: string;
  /** the files' own bytes, for the "same change twice" check */
  checksumOf: string;
}

export interface CatalogueChangeResult {
  applied: boolean;
  inserted: number;
  continued: number;
  ended: number;
  rekeyed: number;
  successions: number;
}

interface Row {
  id: number | null;
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  unitType: string | null;
  depth: number;
  path: string;
  provinceCode: string;
  parentId: number | null;
  /** for rows not yet inserted: the parent row itself */
  parent: Row | null;
  reports: boolean;
  validFrom: string | null;
  validTo: string | null;
  reportsFrom: string | null;
  fromCatalogue: boolean;
  dirty: boolean;
}

const isoDay = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a unit is valid on a day (YYYY-MM-DD): inclusive bounds, null = open. */
export function validOn(u: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);
}

export function checksum(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/**
 * Applies a catalogue (base, or a change from its effective date) to the tree in the caller's transaction. All or
 * nothing: any problem throws CatalogueError before a row is written. The same files with the same date twice: the
 * second finds its CatalogueChange row and changes nothing.
 */
export async function applyCatalogue(
  tx: Tx,
  input: CatalogueChangeInput,
  actorLabel: string,
): Promise<CatalogueChangeResult> {
  const sum = checksum([input.effectiveDate ?? 'base', input.checksumOf]);
  const none = { inserted: 0, continued: 0, ended: 0, rekeyed: 0, successions: 0 };
  if (await tx.catalogueChange.findUnique({ where: { checksum: sum }, select: { id: true } }))
    return { applied: false, ...none };

  const existing = await tx.adminUnit.findMany({
    select: {
      id: true,
      code: true,
      gsoCode: true,
      name: true,
      kind: true,
      unitType: true,
      depth: true,
      path: true,
      provinceCode: true,
      parentId: true,
      reports: true,
      validFrom: true,
      validTo: true,
      reportsFrom: true,
      fromCatalogue: true,
    },
  });
  const rows: Row[] = existing.map((u) => ({
    ...u,
    parent: null,
    validFrom: isoDay(u.validFrom),
    validTo: isoDay(u.validTo),
    reportsFrom: isoDay(u.reportsFrom),
    dirty: false,
  }));
  const byId = new Map(rows.map((r) => [r.id!, r]));
  for (const r of rows) r.parent = r.parentId === null ? null : (byId.get(r.parentId) ?? null);
  const originalHandle = new Map(
    rows.map((r) => [r.id!, { code: r.code, path: r.path, provinceCode: r.provinceCode }]),
  );

  const problems: string[] = [];
  const E = input.effectiveDate;
  const created: Row[] = [];
  let continued = 0;
  let ended = 0;
  const succ: Array<{ from: Row; to: Row; share: string }> = [];

  const newRow = (u: CatalogueUnit, parent: Row | null, validFrom: string | null): Row => {
    const row: Row = {
      id: null,
      code: u.code,
      gsoCode: u.code,
      name: u.name,
      kind: u.level,
      unitType: u.type || null,
      depth: parent ? parent.depth + 1 : 0,
      path: '',
      provinceCode: '',
      parentId: null,
      parent,
      // before the reform the province's own row and its districts reported; communes did not (no commune-level
      // reporting under the district system). After it, communes report (docs/adr/0014).
      reports: u.level !== 'commune' || E !== null,
      validFrom,
      validTo: null,
      reportsFrom: null,
      fromCatalogue: true,
      dirty: true,
    };
    created.push(row);
    return row;
  };

  const sorted = [...input.units].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  if (E === null) {
    // Base: every catalogue unit valid from an open start; a unit already in the tree with the same code and level
    // (made before units had validity) is that unit.
    const open = new Map(
      rows.filter((r) => r.validFrom === null && r.validTo === null).map((r) => [`${r.kind}:${r.gsoCode}`, r]),
    );
    const placed = new Map<string, Row>();
    for (const u of sorted) {
      const parent = u.parentCode
        ? (placed.get(`district:${u.parentCode}`) ?? placed.get(`province:${u.parentCode}`) ?? null)
        : null;
      const match = open.get(`${u.level}:${u.code}`);
      if (match) {
        Object.assign(match, { name: u.name, unitType: u.type || null, fromCatalogue: true, dirty: true });
        placed.set(`${u.level}:${u.code}`, match);
        continue;
      }
      placed.set(`${u.level}:${u.code}`, newRow(u, parent, null));
    }
  } else {
    const before = dayBefore(E);
    const inForce = new Map(
      rows.filter((r) => r.fromCatalogue && validOn(r, before)).map((r) => [`${r.kind}:${r.gsoCode}`, r]),
    );
    const predecessors = new Map<string, SuccessionRow[]>();
    for (const s of input.successions) {
      if (!inForce.has(`${s.oldLevel}:${s.oldCode}`))
        problems.push(`succession line ${s.line}: no ${s.oldLevel} ${s.oldCode} in force on ${before}`);
      const key = `${s.level}:${s.newCode}`;
      predecessors.set(key, [...(predecessors.get(key) ?? []), s]);
    }
    const inFile = new Set(input.units.map((u) => `${u.level}:${u.code}`));
    for (const s of input.successions)
      if (!inFile.has(`${s.level}:${s.newCode}`))
        problems.push(`succession line ${s.line}: ${s.level} ${s.newCode} is not in the new catalogue`);

    const continuing = new Set<Row>();
    const placed = new Map<string, Row>();
    for (const u of sorted) {
      const key = `${u.level}:${u.code}`;
      const parent = u.parentCode
        ? (placed.get(`district:${u.parentCode}`) ?? placed.get(`province:${u.parentCode}`) ?? null)
        : null;
      const preds = predecessors.get(key) ?? [];
      const old = inForce.get(key);
      const self = preds.length === 1 && preds[0]!.share === 'full' && preds[0]!.oldCode === u.code;
      if (old && old.name === u.name && (self || preds.length === 0)) {
        // the same unit continuing (Lai Châu 12): its plan, users, activations and history go on
        continuing.add(old);
        continued++;
        Object.assign(old, { unitType: u.type || null, parent, dirty: true });
        old.depth = parent ? parent.depth + 1 : 0;
        // a commune that did not report under the district system starts reporting with the reform
        if (!old.reports) Object.assign(old, { reports: true, reportsFrom: E });
        placed.set(key, old);
        continue;
      }
      if (old && preds.length === 0)
        problems.push(
          `catalogue line ${u.line}: ${u.level} ${u.code} changes name ("${old.name}" → "${u.name}") ` +
            'without a succession row (a rename is recorded as a full succession)',
        );
      placed.set(key, newRow(u, parent, E));
    }
    for (const r of inForce.values()) {
      if (continuing.has(r)) continue;
      // its reports stay expected in the weeks it was valid: only its validity ends
      r.validTo = before;
      r.dirty = true;
      ended++;
    }
    for (const s of input.successions) {
      const from = inForce.get(`${s.oldLevel}:${s.oldCode}`);
      const to = placed.get(`${s.level}:${s.newCode}`);
      if (from && to && from !== to) succ.push({ from, to, share: s.share });
    }
  }
  if (problems.length) throw new CatalogueError(problems);

  // Handles: a code belongs to the unit holding it last; an ended unit whose code a later unit takes becomes
  // code~yyyymmdd (its last day). Then paths and province handles follow from the parents.
  const holders = new Map<string, Row[]>();
  for (const r of [...rows, ...created]) {
    if (!r.fromCatalogue) continue;
    const list = holders.get(`${r.kind}:${r.gsoCode}`) ?? [];
    list.push(r);
    holders.set(`${r.kind}:${r.gsoCode}`, list);
  }
  for (const list of holders.values()) {
    const current = list.filter((r) => r.validTo === null);
    for (const r of list) {
      const handle = current.length && r.validTo !== null ? `${r.gsoCode}~${r.validTo.replaceAll('-', '')}` : r.gsoCode;
      if (handle !== r.code) Object.assign(r, { code: handle, dirty: true });
    }
  }
  const taken = new Map<string, Row>();
  for (const r of [...rows, ...created]) {
    const other = taken.get(r.code);
    if (other) problems.push(`two units would hold the handle ${r.code} (${other.name}, ${r.name})`);
    taken.set(r.code, r);
  }
  if (problems.length) throw new CatalogueError(problems);
  const all = [...rows, ...created].sort((a, b) => a.depth - b.depth);
  const resolvePath = (r: Row): { path: string; provinceCode: string } => {
    if (!r.parent) return { path: r.code, provinceCode: r.code };
    const p = resolvePath(r.parent);
    return { path: `${p.path}/${r.code}`, provinceCode: p.provinceCode };
  };
  for (const r of all) {
    const { path, provinceCode } = resolvePath(r);
    if (path !== r.path || provinceCode !== r.provinceCode) Object.assign(r, { path, provinceCode, dirty: true });
  }

  // Writes: existing rows first (their new handles and paths are new strings, so no unique index sees a clash), then
  // new rows level by level (children need their parent's id).
  const updates = rows.filter((r) => r.dirty);
  const COLUMNS = `v(id, code, name, "unitType", depth, path, "provinceCode", "parentId", reports, "validTo", "reportsFrom", "fromCatalogue")`;
  const chunks: Array<{ values: string; params: unknown[] }> = [];
  for (let i = 0; i < updates.length; i += 500) {
    const params: unknown[] = [];
    const values = updates.slice(i, i + 500).map((r) => {
      params.push(
        r.id,
        r.code,
        r.name,
        r.unitType,
        r.depth,
        r.path,
        r.provinceCode,
        r.parent?.id ?? null,
        r.reports,
        r.validTo,
        r.reportsFrom,
        r.fromCatalogue,
      );
      const b = params.length - 12;
      return `($${b + 1}::int, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::int, $${b + 6}, $${b + 7}, $${b + 8}::int, $${b + 9}::boolean, $${b + 10}::date, $${b + 11}::date, $${b + 12}::boolean)`;
    });
    chunks.push({ values: values.join(', '), params });
  }
  // two passes, the first over every chunk, so that no row ever takes a handle or path another still holds
  for (const c of chunks)
    await tx.$executeRawUnsafe(
      `UPDATE "AdminUnit" u SET code = '~' || u.id || '~' || u.code, path = '~' || u.id || '~' || u.path
       FROM (VALUES ${c.values}) AS ${COLUMNS} WHERE u.id = v.id AND (u.code <> v.code OR u.path <> v.path)`,
      ...c.params,
    );
  for (const c of chunks)
    await tx.$executeRawUnsafe(
      `UPDATE "AdminUnit" u SET code = v.code, name = v.name, "unitType" = v."unitType", depth = v.depth, path = v.path,
         "provinceCode" = v."provinceCode", "parentId" = v."parentId", reports = v.reports, "validTo" = v."validTo",
         "reportsFrom" = v."reportsFrom", "fromCatalogue" = v."fromCatalogue"
       FROM (VALUES ${c.values}) AS ${COLUMNS} WHERE u.id = v.id`,
      ...c.params,
    );
  // Provinces whose handle changed: the tables that name a province by its handle follow (audit rows do not: they are
  // append-only, and legacyAuditCode keeps the old ones readable).
  let rekeyed = 0;
  for (const r of rows) {
    const was = originalHandle.get(r.id!)!;
    if (was.code !== r.code) rekeyed++;
    if (r.kind !== 'province' || r.parent || was.code === r.code) continue;
    await tx.$executeRawUnsafe(`UPDATE "Plan" SET "provinceCode" = $1 WHERE "provinceCode" = $2`, r.code, was.code);
    await tx.$executeRawUnsafe(`UPDATE "User" SET "provinceCode" = $1 WHERE "provinceCode" = $2`, r.code, was.code);
    await tx.$executeRawUnsafe(
      `UPDATE "DataVersion" SET "provinceCode" = $1 WHERE "provinceCode" = $2`,
      r.code,
      was.code,
    );
  }

  for (let depth = 0; created.some((r) => r.depth >= depth); depth++) {
    const level = created.filter((r) => r.depth === depth);
    for (let i = 0; i < level.length; i += 1000) {
      const chunk = level.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(
          r.code,
          r.gsoCode,
          r.name,
          r.kind,
          r.unitType,
          r.depth,
          r.path,
          r.provinceCode,
          r.parent?.id ?? null,
          r.reports,
          r.validFrom,
          r.fromCatalogue,
        );
        const b = params.length - 12;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::int, $${b + 7}, $${b + 8}, $${b + 9}::int, $${b + 10}::boolean, $${b + 11}::date, $${b + 12}::boolean)`;
      });
      const ids = await tx.$queryRawUnsafe<Array<{ id: number; code: string }>>(
        `INSERT INTO "AdminUnit" (code, "gsoCode", name, kind, "unitType", depth, path, "provinceCode", "parentId", reports, "validFrom", "fromCatalogue")
         VALUES ${values.join(', ')} RETURNING id, code`,
        ...params,
      );
      const idByCode = new Map(ids.map((x) => [x.code, x.id]));
      for (const r of chunk) r.id = idByCode.get(r.code)!;
    }
  }

  // Existing rows moved under a unit this change created (a commune continuing into a merged province) learn its id
  // only now: the update above wrote null for it.
  const createdRows = new Set(created);
  const adopted = rows.filter((r) => r.parent !== null && createdRows.has(r.parent));
  for (let i = 0; i < adopted.length; i += 1000) {
    const chunk = adopted.slice(i, i + 1000);
    const values = chunk.map((_, j) => `($${2 * j + 1}::int, $${2 * j + 2}::int)`).join(', ');
    await tx.$executeRawUnsafe(
      `UPDATE "AdminUnit" u SET "parentId" = v.p FROM (VALUES ${values}) AS v(id, p) WHERE u.id = v.id`,
      ...chunk.flatMap((r) => [r.id, r.parent!.id]),
    );
  }

  for (let i = 0; i < succ.length; i += 2000) {
    const chunk = succ.slice(i, i + 2000);
    const params: unknown[] = [];
    const values = chunk.map((s) => {
      params.push(s.from.id, s.to.id, s.share, E);
      const b = params.length - 4;
      return `($${b + 1}::int, $${b + 2}::int, $${b + 3}, $${b + 4}::date)`;
    });
    await tx.$executeRawUnsafe(
      `INSERT INTO "UnitSuccession" ("fromId", "toId", share, "effectiveDate") VALUES ${values.join(', ')}
       ON CONFLICT ("fromId", "toId") DO NOTHING`,
      ...params,
    );
  }

  // every province's cached facts (units, expected reporters) may have changed: the data versions move on
  await tx.$executeRawUnsafe(`UPDATE "DataVersion" SET version = version + 1, "updatedAt" = CURRENT_TIMESTAMP`);

  const result = { applied: true, inserted: created.length, continued, ended, rekeyed, successions: succ.length };
  await tx.catalogueChange.create({
    data: {
      effectiveDate: E ? new Date(`${E}T00:00:00Z`) : null,
      checksum: sum,
      source: input.source,
      units: input.units.length,
      successions: input.successions.length,
      actorLabel,
    },
  });
  await tx.auditLog.create({
    data: {
      actorLabel,
      action: 'units.catalogue',
      targetType: 'CatalogueChange',
      targetId: E ?? 'base',
      after: { source: input.source, effectiveDate: E, ...result },
    },
  });
  return result;
}
