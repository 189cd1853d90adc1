import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { DEFAULT_SEEDS_DIR, PLAN_SOURCES, extractAll, extractSectionV, type ResponsePlanFile } from '../../../scripts/extract-appendix.ts';

// The agencies and tasks of appendix section V ("V. TỔ CHỨC THỰC HIỆN") of the two plans; README.md in this folder.

const dir = import.meta.dirname;
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ResponsePlanFile;
const plans = { 'kien-giang': load('kien-giang.json'), 'lai-chau': load('lai-chau.json') };
type PlanKey = keyof typeof plans;

// Written by hand from reading the source documents (000_87ccff6f1f1c4bcf.txt lines 542-721, 001_5eb51f3791de1e1e.txt
// lines 791-1048): [order, name as written (except "Uỷ", written "Ủy" as in most of the documents), number of
// tasks].
const KIEN_GIANG: Array<[number, string, number]> = [
  [1, 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh', 4],
  [2, 'Sở Y tế', 15],
  [3, 'Bộ chỉ huy Bộ đội biên phòng tỉnh', 3],
  [4, 'Công an tỉnh', 5],
  [5, 'Sở Thông tin và Truyền thông', 3],
  [6, 'Sở Lao động - Thương binh và Xã hội', 3],
  [7, 'Sở Ngoại vụ', 2],
  [8, 'Sở Công Thương', 1], // one paragraph
  [9, 'Sở Giao thông vận tải', 2],
  [10, 'Sở Tài nguyên và Môi trường', 1], // one paragraph
  [11, 'Sở Tài chính', 2],
  [12, 'Sở Kế hoạch và Đầu tư', 1], // one paragraph
  [13, 'Sở Giáo dục và Đào tạo', 2],
  [14, 'Sở Văn hóa, Thể thao', 1], // one paragraph
  [15, 'Sở Du lịch', 1], // one paragraph
  [16, 'Sở Nông nghiệp và Phát triển nông thôn', 2],
  [17, 'Sở Khoa học và Công nghệ', 2],
  [18, 'Sở Tư pháp', 1], // one paragraph
  [19, 'Sở Nội vụ', 3],
  [20, 'Bảo hiểm xã hội tỉnh', 1], // one paragraph
  [21, 'Ban Dân tộc tỉnh', 1], // one paragraph
  [22, 'Đài Phát thanh và Truyền hình Kiên Giang', 1], // one paragraph
  [23, 'Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên', 2],
  [24, 'Ủy ban nhân dân các huyện, thành phố', 8],
];

const LAI_CHAU: Array<[number, string, number]> = [
  [1, 'Sở Y tế', 24],
  [2, 'Sở Tài chính', 4],
  [3, 'Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội biên phòng tỉnh', 4],
  [4, 'Công an tỉnh', 4],
  [5, 'Sở Thông tin và Truyền thông', 3],
  [6, 'Sở Công Thương', 2],
  [7, 'Sở Kế hoạch và Đầu tư', 1], // one paragraph
  [8, 'Sở Giao thông vận tải', 1], // one paragraph
  [9, 'Sở Tài nguyên và Môi trường', 1], // one paragraph
  [10, 'Sở Lao động - Thương binh và Xã hội', 3],
  [11, 'Sở Giáo dục và Đào tạo', 2],
  [12, 'Sở Văn hóa, Thể thao và Du lịch', 2],
  [13, 'Sở Tư pháp', 1], // one paragraph
  [14, 'Sở Nội vụ', 3],
  [15, 'Các sở, ban, ngành, đoàn thể khác', 1], // one paragraph
  [16, 'Ủy ban nhân dân các huyện, thành phố', 4],
];

const TABLE: Array<[PlanKey, number, string, number]> = [
  ...KIEN_GIANG.map(([o, n, c]) => ['kien-giang', o, n, c] as [PlanKey, number, string, number]),
  ...LAI_CHAU.map(([o, n, c]) => ['lai-chau', o, n, c] as [PlanKey, number, string, number]),
];

/** Bodies without an officer of their own: their tasks are ticked by the province's leaders. */
const NO_OWN_OFFICER: Record<PlanKey, string[]> = {
  'kien-giang': ['Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh', 'Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên'],
  'lai-chau': ['Các sở, ban, ngành, đoàn thể khác'],
};

describe('response plans (appendix section V)', () => {
  it('has the plans’ identities', () => {
    expect(plans['kien-giang']).toMatchObject({ provinceCode: '91', planKey: 'kien-giang', source: { file: '000_87ccff6f1f1c4bcf.txt' } });
    expect(plans['lai-chau']).toMatchObject({ provinceCode: '12', planKey: 'lai-chau', source: { file: '001_5eb51f3791de1e1e.txt' } });
    for (const p of Object.values(plans)) expect(p.source.document).toMatch(/Phụ lục .*mục V\. Tổ chức thực hiện$/);
  });

  it('has 24 bodies for Kiên Giang and 16 for Lai Châu, numbered 1..n in order', () => {
    expect(plans['kien-giang'].agencies).toHaveLength(24);
    expect(plans['lai-chau'].agencies).toHaveLength(16);
    for (const p of Object.values(plans)) expect(p.agencies.map((a) => a.order)).toEqual(p.agencies.map((_, i) => i + 1));
  });

  it.each(TABLE)('%s no. %i "%s" has %i task(s)', (plan, order, name, count) => {
    const agency = plans[plan].agencies.find((a) => a.order === order);
    expect(agency?.name).toBe(name);
    expect(agency?.tasks).toHaveLength(count);
    expect(agency?.tasks.map((t) => t.order)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('has the 9 one-paragraph bodies of Kiên Giang as one task each (README of the seeds)', () => {
    expect(KIEN_GIANG.filter(([, , c]) => c === 1)).toHaveLength(9);
  });

  it.each(Object.keys(plans) as PlanKey[])('%s: every task text is one clean line', (plan) => {
    for (const a of plans[plan].agencies) {
      for (const t of a.tasks) {
        expect(t.text.length, `${a.name} #${t.order}`).toBeGreaterThan(0);
        expect(t.text, `${a.name} #${t.order}`).toBe(t.text.trim());
        expect(t.text, `${a.name} #${t.order}`).not.toMatch(/[\r\n\t]/);
        expect(t.text, `${a.name} #${t.order}`).not.toMatch(/^[-–—+•▪◦·*]/);
        expect(t.text, `${a.name} #${t.order}`).not.toMatch(/ {2}/);
        expect(t.text, `${a.name} #${t.order}`).not.toMatch(/COVID- |\*\*|\.\/\./); // a wrap joined badly, markup, the closing formula
        expect(t.text, `${a.name} #${t.order}`).toBe(t.text.normalize('NFC'));
      }
      expect(a.name).toBe(a.name.trim());
      expect(a.name).not.toMatch(/^\d|\s{2}/);
      expect(a.description).toBeNull(); // neither document has an introductory paragraph before a body's bullets
    }
  });

  it.each(Object.keys(plans) as PlanKey[])('%s: codes are unique ASCII slugs', (plan) => {
    const codes = plans[plan].agencies.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(codes).toContain('so-y-te'); // the demo agency officer's agency
  });

  it.each(Object.keys(plans) as PlanKey[])('%s: one district committee, the last body', (plan) => {
    const agencies = plans[plan].agencies;
    const committees = agencies.filter((a) => a.kind === 'district-committee');
    expect(committees).toHaveLength(1);
    expect(committees[0]).toBe(agencies.at(-1));
    expect(committees[0]).toMatchObject({ name: 'Ủy ban nhân dân các huyện, thành phố', code: 'uy-ban-nhan-dan-cac-huyen-thanh-pho', hasOwnOfficer: true });
    expect(committees[0]!.order).toBe(plan === 'kien-giang' ? 24 : 16);
  });

  it.each(Object.keys(plans) as PlanKey[])('%s: only the steering committee, the Front and "other departments" have no officer', (plan) => {
    expect(plans[plan].agencies.filter((a) => !a.hasOwnOfficer).map((a) => a.name)).toEqual(NO_OWN_OFFICER[plan]);
  });

  it('keeps the document’s wording (spot checks against the source)', () => {
    const kg = plans['kien-giang'].agencies;
    const lc = plans['lai-chau'].agencies;
    // a line broken mid-sentence (and by a blank line) joined back
    expect(kg[0]!.tasks[0]!.text).toMatch(/^Kiện toàn Ban Chỉ đạo .* trong tình huống dịch COVID-19 có biến chủng mới/);
    // a word broken at its hyphen ("COVID-" / "19") joined without a space
    expect(lc[0]!.tasks[7]!.text).toContain('đánh giá miễn dịch cộng đồng của vắc xin phòng COVID-19 theo hướng dẫn của Bộ Y tế.');
    // typos kept as written
    expect(kg[23]!.tasks[5]!.text).toContain('viêm vắc xin');
    expect(lc[6]!.tasks[0]!.text).toMatch(/^Chủ chì phối hợp/);
    // the closing paragraphs after the last body are not tasks
    expect(kg[23]!.tasks.at(-1)!.text).toMatch(/^Tăng cường đôn đốc, kiểm tra/);
    expect(lc[15]!.tasks.at(-1)!.text).toBe('Đảm bảo nguồn lực (nhân lực, kinh phí...) phục vụ công tác phòng, chống dịch phù hợp với tình hình dịch.');
  });
});

describe('extraction rules on a synthetic document', () => {
  const doc = [
    'IV. TỔ CHỨC THỰC HIỆN', '1. Sở Y tế', '- Not this one (main plan).',
    'PHỤ LỤC', '**Phương án đảm bảo công tác y tế trong tình huống dịch COVID-19', 'có biến chủng mới**',
    'V. TỔ CHỨC THỰC HIỆN', '',
    '1. Sở Y tế', 'Giới thiệu của cơ quan.', '- Nhiệm vụ có dòng', '', 'bị ngắt; vắc xin phòng COVID-', '19 theo hướng dẫn:',
    '+ ý thứ nhất;', '+ ý thứ hai.', '- Nhiệm vụ  hai.',
    '2. Sở Tư pháp', 'Một đoạn văn', 'được ngắt dòng.',
    'Trên đây là Phương án bảo đảm công tác y tế', 'sẽ được cập nhật./.',
  ].join('\n');

  it('reads the appendix section only, joins wraps and sub-bullets, takes the intro as description, drops the closing', () => {
    const r = extractSectionV(doc);
    expect(r.bodies).toEqual([
      {
        number: 1,
        name: 'Sở Y tế',
        description: 'Giới thiệu của cơ quan.',
        tasks: ['Nhiệm vụ có dòng bị ngắt; vắc xin phòng COVID-19 theo hướng dẫn: ý thứ nhất; ý thứ hai.', 'Nhiệm vụ hai.'],
      },
      { number: 2, name: 'Sở Tư pháp', description: null, tasks: ['Một đoạn văn được ngắt dòng.'] },
    ]);
    expect(r.closing).toBe('Trên đây là Phương án bảo đảm công tác y tế sẽ được cập nhật./.');
    expect(r.warnings).toEqual(['2 sub-bullet(s) joined into their parent task']);
  });

  it('follows the document’s numbering and reports an oddity', () => {
    expect(extractSectionV(doc.replace('2. Sở Tư pháp', '4. Sở Tư pháp')).warnings).toContain(
      'body numbered 4 where 2 was expected (kept as written)',
    );
  });
});

const seedsDir = process.env.SURGEWATCH_SEEDS_DIR ?? DEFAULT_SEEDS_DIR;
const haveSeeds = PLAN_SOURCES.every((s) => existsSync(path.join(seedsDir, s.file)));

describe.skipIf(!haveSeeds)(`extraction from the seed documents (${seedsDir})`, () => {
  it('re-running scripts/extract-appendix.ts on the seeds gives exactly the committed JSON', () => {
    for (const r of extractAll(seedsDir)) {
      expect(r.warnings, r.source.file).toEqual([]); // no numbering oddity, no sub-bullet
      expect(readFileSync(path.join(dir, r.source.out), 'utf8'), r.source.out).toBe(r.json);
    }
  });
});
