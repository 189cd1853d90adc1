import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES, type SessionUser } from '@/lib/roles';
import type { PopulationImportIssue } from '@/lib/contracts/populations';
import { MAX_POPULATION_FILE_BYTES } from '@/lib/validations/population-import';
import { importPopulationsAs } from '@/server/populations/import';
import { getPopulationTable } from '@/server/populations/queries';
import { populationTemplateCsv } from '@/server/populations/template';
import { FREE_PROVINCE_CODES, province, user, type FactoryProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The populations file: one province's units by GSO code and year, all rows saved or none, every bad row listed,
// the same file twice changes nothing, audited, administrators only. Units in time: a code names the unit that held
// it on 1 July of the row's year.

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';
const NOW = new Date(process.env.SURGEWATCH_NOW);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

let db: TestDatabase;
let admin: SessionUser;
let p: FactoryProvince;
let other: FactoryProvince;
/** the old commune 80001 (to 30/06/2025), the new one that took its code, a new commune, an ended district */
let oldCommune: { id: number };
let newCommune: { id: number };
let freshCommune: { id: number };
let endedDistrict: { id: number; code: string };

const csv = (text: string, name = 'dan-so.csv') => new File([new TextEncoder().encode(text)], name);
const upload = (who: SessionUser | null, file: Blob, over: Record<string, unknown> = {}) =>
  importPopulationsAs(who, { provinceCode: p.code, source: '', file, ...over });

const figures = () =>
  db.prisma.unitPopulation.findMany({
    where: { unit: { provinceCode: p.code } },
    select: { unitId: true, year: true, population: true, approximate: true, source: true },
    orderBy: [{ unitId: 'asc' }, { year: 'asc' }],
  });
const audits = () =>
  db.prisma.auditLog.findMany({ where: { action: 'population.import', provinceCode: p.code }, orderBy: { id: 'asc' } });
const dataVersion = async () =>
  (await db.prisma.dataVersion.findUnique({ where: { provinceCode: p.code } }))?.version ?? 0;

function issuesOf(result: Awaited<ReturnType<typeof upload>>): PopulationImportIssue[] {
  if (result.ok || !('issues' in result)) throw new Error(`expected a refused file, got ${JSON.stringify(result)}`);
  return result.issues;
}

async function unit(data: {
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  validFrom?: string;
  validTo?: string;
}) {
  const root = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: p.code } });
  return db.prisma.adminUnit.create({
    data: {
      code: data.code,
      gsoCode: data.gsoCode,
      name: data.name,
      kind: data.kind,
      depth: 1,
      path: `${p.code}/${data.code}`,
      provinceCode: p.code,
      parentId: root.id,
      validFrom: data.validFrom ? day(data.validFrom) : null,
      validTo: data.validTo ? day(data.validTo) : null,
    },
    select: { id: true, code: true },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  p = await province(db.prisma, { code: FREE_PROVINCE_CODES[11], districts: [100_000, 150_000] }); // 69
  other = await province(db.prisma, { code: FREE_PROVINCE_CODES[12], districts: [120_000] });
  admin = await user(db.prisma, 'ADMIN');
  oldCommune = await unit({
    code: '80001~20250630',
    gsoCode: '80001',
    name: 'Xã Cũ',
    kind: 'commune',
    validTo: '2025-06-30',
  });
  newCommune = await unit({
    code: '80001',
    gsoCode: '80001',
    name: 'Xã Mới',
    kind: 'commune',
    validFrom: '2025-07-01',
  });
  freshCommune = await unit({
    code: '00042',
    gsoCode: '00042',
    name: 'Phường Mới',
    kind: 'commune',
    validFrom: '2025-07-01',
  });
  endedDistrict = p.districts[1]!;
  await db.prisma.adminUnit.update({ where: { id: endedDistrict.id }, data: { validTo: day('2025-06-30') } });
});
afterAll(async () => db?.destroy());

describe('importing a populations file', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  beforeEach(async () => {
    before = await figures();
  });

  it('refuses everyone but an administrator, audits the refusal, saves nothing', async () => {
    const file = () => csv(`unit_code,year,population,source\n${p.code},2026,999,x\n`);
    const others = [];
    for (const role of ROLES.filter((r) => r !== 'ADMIN'))
      others.push(await user(db.prisma, role, role === 'NATIONAL_LEADER' ? {} : { province: p, unit: p.districts[0] }));
    for (const who of others) expect(await upload(who, file())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await upload(null, file())).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await figures()).toEqual(before);
    const refused = await db.prisma.auditLog.findMany({
      where: { action: 'permission.denied', targetId: 'admin.importPopulations' },
    });
    expect(refused.map((r) => r.actorId).sort()).toEqual(others.map((o) => o.id).sort());
  });

  it('lists every bad row with its row number and reason, and saves nothing', async () => {
    const text = [
      'unit_code,year,population,approximate,source',
      `${p.code},2026,1000000,false,Niên giám`, // 2: good, but the file is refused as a whole
      '99999,2026,500,,Niên giám', // 3: no such unit anywhere
      `${other.districts[0]!.code},2026,500,,Niên giám`, // 4: a unit of another province
      `${p.districts[0]!.code},1999,500,,Niên giám`, // 5: year out of range
      `${p.districts[0]!.code},2101,500,,Niên giám`, // 6
      `${p.districts[0]!.code},2026,0,,Niên giám`, // 7: not above zero
      `${p.districts[0]!.code},2026,12.5,,Niên giám`, // 8: not whole
      `${p.districts[0]!.code},2026,-4,,Niên giám`, // 9
      `${p.districts[0]!.code},2026,nhiều,,Niên giám`, // 10
      `${p.code},2026,1000001,,Niên giám`, // 11: same unit and year as row 2
      `${endedDistrict.code},2026,500,,Niên giám`, // 12: the district ended on 30/06/2025
      `${p.districts[0]!.code},2026,500,perhaps,Niên giám`, // 13
      `${p.districts[0]!.code},2028,500,,Niên giám`, // 14: beyond next year
      `,2026,500,,Niên giám`, // 15: no code
    ].join('\n');
    const issues = issuesOf(await upload(admin, csv(text)));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 'unit_code', 'unknownUnit'],
      [4, 'unit_code', 'otherProvince'],
      [5, 'year', 'year'],
      [6, 'year', 'year'],
      [7, 'population', 'population'],
      [8, 'population', 'population'],
      [9, 'population', 'population'],
      [10, 'population', 'population'],
      [11, 'unit_code', 'duplicateRow'],
      [12, 'unit_code', 'notValidInYear'],
      [13, 'approximate', 'approximate'],
      [14, 'year', 'yearFuture'],
      [15, 'unit_code', 'required'],
    ]);
    expect(issues.find((i) => i.line === 4)!.params).toEqual({ province: other.name });
    expect(issues.find((i) => i.line === 11)!.params).toEqual({ first: 2 });
    expect(issues.find((i) => i.line === 12)!.params).toMatchObject({ year: 2026, validity: '… – 30/06/2025' });
    expect(await figures()).toEqual(before);
    expect(await audits()).toEqual([]);
  });

  it.each([
    ['a header without population', 'unit_code,year\n69,2026\n', [[1, 'population', 'missingColumn']]],
    ['an unknown column', 'unit_code,year,population,note\n69,2026,5,x\n', [[1, 'note', 'unknownColumn']]],
    ['no source anywhere', 'unit_code,year,population\n69,2026,5\n', [[null, null, 'sourceRequired']]],
    ['a header only', 'unit_code,year,population,source\n', [[null, null, 'noRows']]],
    ['quotes left open', 'unit_code,year,population,source\n69,2026,5,"Niên giám\n', [[2, null, 'malformedRow']]],
    ['a row longer than the header', 'unit_code,year,population,source\n69,2026,5,x,y\n', [[2, null, 'extraCells']]],
  ])('refuses %s, saving nothing', async (_what, text, expected) => {
    expect(issuesOf(await upload(admin, csv(text))).map((i) => [i.line, i.column, i.code])).toEqual(expected);
    expect(await figures()).toEqual(before);
  });

  it('refuses a file that is not UTF-8, garbage and a file too large, without an error', async () => {
    const windows1258 = new Uint8Array([
      ...new TextEncoder().encode('unit_code,year,population,source\n69,2026,5,'),
      0xc0,
    ]);
    expect(issuesOf(await upload(admin, new File([windows1258], 'x.csv')))[0]!.code).toBe('encoding');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await upload(admin, new File([garbage], 'x.csv'))).ok).toBe(false);
    const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await upload(admin, new File([zipLike], 'x.xlsx'))).ok).toBe(false);
    const big = new File([new Uint8Array(MAX_POPULATION_FILE_BYTES + 1).fill(0x31)], 'big.csv');
    expect(await upload(admin, big)).toMatchObject({ ok: false, fieldErrors: { file: ['fileTooLarge'] } });
    expect(await upload(admin, new File([], 'x.csv'))).toMatchObject({ fieldErrors: { file: ['fileRequired'] } });
    expect(await upload(admin, 'text' as unknown as Blob)).toMatchObject({ fieldErrors: { file: ['fileRequired'] } });
    expect(await upload(admin, csv('a'), { provinceCode: '3' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await figures()).toEqual(before);
  });

  it('saves every figure of a good file in one go, audited, and the same file again changes nothing', async () => {
    const version = await dataVersion();
    // Excel's "CSV UTF-8" in Vietnam: a BOM, semicolons, thousands with dots, a header in another case
    const text = [
      '\uFEFFUnit_Code;unit_name;Year;Population;Approximate;Source',
      `${p.code};Tỉnh;2026;1.234.567;false;Niên giám thống kê 2026`,
      `${p.districts[0]!.code};Huyện;2026;98765;;`,
      '80001;Xã;2024;4100;true;Ước tính', // the old commune: the code's holder on 1 July 2024
      '80001;Xã;2025;6100;true;Ước tính', // the new one: it holds the code on 1 July 2025
      '42;Phường (Excel dropped the zeros);2026;7000;có;Ước tính',
      `${endedDistrict.code};Huyện cũ;2025;151000;;`, // ended 30/06/2025, nobody took its code: still its 2025
    ].join('\r\n');
    const first = await upload(admin, csv(text), { source: 'Cục Thống kê' });
    expect(first).toEqual({
      ok: true,
      data: { rows: 6, created: 6, updated: 0, unchanged: 0 },
      message: 'populationsImported',
    });
    const saved = await figures();
    const of = (id: number, year: number) => saved.find((f) => f.unitId === id && f.year === year);
    expect(of(p.id, 2026)).toMatchObject({
      population: 1_234_567,
      approximate: false,
      source: 'Niên giám thống kê 2026',
    });
    expect(of(p.districts[0]!.id, 2026)).toMatchObject({ population: 98_765, source: 'Cục Thống kê' });
    expect(of(oldCommune.id, 2024)).toMatchObject({ population: 4100, approximate: true });
    expect(of(newCommune.id, 2025)).toMatchObject({ population: 6100, approximate: true });
    expect(of(oldCommune.id, 2025)).toBeUndefined();
    expect(of(freshCommune.id, 2026)).toMatchObject({ population: 7000, approximate: true });
    expect(of(endedDistrict.id, 2025)).toMatchObject({ population: 151_000 });
    const rows = await audits();
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      targetType: 'UnitPopulation',
      targetId: `${p.code}/2026`,
      before: null,
      after: { population: 1_234_567, approximate: false, source: 'Niên giám thống kê 2026' },
    });
    expect(rows.map((r) => r.targetId)).toContain('80001~20250630/2024');
    expect(await dataVersion()).toBe(version + 1);

    const times = await db.prisma.unitPopulation.findMany({ select: { id: true, updatedAt: true } });
    const again = await upload(admin, csv(text), { source: 'Cục Thống kê' });
    expect(again).toEqual({
      ok: true,
      data: { rows: 6, created: 0, updated: 0, unchanged: 6 },
      message: 'noChange',
    });
    expect(await db.prisma.unitPopulation.findMany({ select: { id: true, updatedAt: true } })).toEqual(times);
    expect(await audits()).toHaveLength(6);
    expect(await dataVersion()).toBe(version + 1);
  });

  it('changes only the figures that differ, with their before and after', async () => {
    const version = await dataVersion();
    const text = [
      'unit_code,year,population,approximate,source',
      `${p.code},2026,1234567,false,Niên giám thống kê 2026`, // as stored
      `${p.districts[0]!.code},2026,99000,false,Cục Thống kê`, // changed
      `${p.districts[0]!.code},2025,97000,false,Cục Thống kê`, // new
    ].join('\n');
    expect(await upload(admin, csv(text))).toMatchObject({
      ok: true,
      data: { rows: 3, created: 1, updated: 1, unchanged: 1 },
    });
    const changed = (await audits()).slice(-2);
    expect(changed.map((r) => [r.targetId, r.before, r.after])).toEqual([
      [
        `${p.districts[0]!.code}/2026`,
        { population: 98_765, approximate: false, source: 'Cục Thống kê' },
        { population: 99_000, approximate: false, source: 'Cục Thống kê' },
      ],
      [`${p.districts[0]!.code}/2025`, null, { population: 97_000, approximate: false, source: 'Cục Thống kê' }],
    ]);
    const stored = await db.prisma.unitPopulation.findFirstOrThrow({
      where: { unitId: p.districts[0]!.id, year: 2026 },
    });
    expect(stored.updatedById).toBe(admin.id);
    expect(await dataVersion()).toBe(version + 1);
  });
});

describe('the template', () => {
  it('is a file the import reads back unchanged, formula-like text included', async () => {
    const text = `unit_code,year,population,source\n${p.districts[0]!.code},2026,99000,=Niên giám (bảng 2)\n`;
    expect(await upload(admin, csv(text))).toMatchObject({ ok: true, data: { updated: 1 } });
    const table = await getPopulationTable(admin, { province: p.code, year: '2026' }, NOW);
    const withFigure = table!.units.filter((u) => u.figures[2026]);
    expect(withFigure.length).toBeGreaterThanOrEqual(3);
    const template = populationTemplateCsv(
      withFigure.map((u) => ({ gsoCode: u.gsoCode, name: u.name, ...u.figures[2026]! })),
      2026,
    );
    expect(template).toContain("'=Niên giám (bảng 2)");
    expect(await upload(admin, csv(template))).toMatchObject({ ok: true, message: 'noChange' });
  });
});

describe('the populations page', () => {
  it('lists one province, its units valid in the year, and says which have no population', async () => {
    const t2026 = await getPopulationTable(admin, { province: p.code, year: '2026' }, NOW);
    const codes = t2026!.units.map((u) => u.code);
    expect(codes).toContain('80001');
    expect(codes).not.toContain('80001~20250630');
    expect(codes).not.toContain(endedDistrict.code);
    expect(t2026!.year).toBe(2026);
    const t2024 = await getPopulationTable(admin, { province: p.code, year: '2024' }, NOW);
    expect(t2024!.units.map((u) => u.code)).toEqual(
      expect.arrayContaining(['80001~20250630', endedDistrict.code, p.code]),
    );
    expect(t2024!.units.map((u) => u.code)).not.toContain('00042');
    // a province that ended comes after those in force
    await db.prisma.adminUnit.update({ where: { id: other.id }, data: { validTo: day('2025-06-30') } });
    const table = await getPopulationTable(admin, { province: other.code }, NOW);
    const statuses = table!.provinces.map((x) => x.status);
    expect(statuses.indexOf('ended')).toBeGreaterThan(statuses.lastIndexOf('inForce'));
    expect(table!.province).toMatchObject({ code: other.code, status: 'ended', validTo: '2025-06-30' });
    expect(table!.year).toBeLessThanOrEqual(2025);
  });

  it('is refused to anyone but an administrator', async () => {
    const entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
    expect(await getPopulationTable(entry, { province: p.code }, NOW)).toBeNull();
  });
});
