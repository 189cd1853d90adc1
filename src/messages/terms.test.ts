import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 14, "the plans' words": the interface speaks as the source documents (/work/shared/seeds 000 and 001) and a
// provincial official do. Every Vietnamese and English message is read here; each rule names the term it replaces.

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const dir = import.meta.dirname;
const read = (suffix: RegExp) =>
  readdirSync(dir)
    .filter((f) => suffix.test(f))
    .flatMap((file) =>
      flatten(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Messages).map(
        ([key, text]) => [`${file} ${key}`, text] as const,
      ),
    );
const VI = read(/^(vi|.+\.vi)\.json$/);
const EN = read(/^(en|.+\.en)\.json$/);

// A letter on either side means the pattern is inside a longer word.
const L = '\\p{L}';
const word = (w: string) => new RegExp(`(?<!${L})${w}(?!${L})`, 'iu');

interface Rule {
  name: string;
  pattern: RegExp;
  /** true when this match is allowed (say why beside the rule) */
  allow?: (text: string, match: RegExpExecArray) => boolean;
}

/** Every match of a rule's pattern in a text that the rule does not allow. */
function offences(rule: Rule, text: string): string[] {
  const global = new RegExp(
    rule.pattern.source,
    rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`,
  );
  const found: string[] = [];
  for (const m of text.matchAll(global)) if (!rule.allow?.(text, m)) found.push(m[0]);
  return found;
}

const COVID = /(?<![\w])covid(?:[-‐ ]?19)?/i;
// Column names of the CSV/XLSX files (free_covid_beds...) are identifiers, not words: \w around them keeps them out.
const covidInFull: Rule = { name: '"COVID-19" in full', pattern: COVID, allow: (_, m) => m[0] === 'COVID-19' };

const VI_RULES: Rule[] = [
  // the "kịch bản" is the prepared plan; what is happening is the "tình huống dịch". The documents' own phrase for
  // prepared plans ("kế hoạch, kịch bản chi tiết") would be allowed; no message uses it today.
  {
    name: 'kịch bản → tình huống dịch',
    pattern: word('kịch bản'),
    allow: (t, m) => /kế hoạch, $/i.test(t.slice(0, m.index)),
  },
  { name: 'chưa đạt → chưa chạm ngưỡng', pattern: word('chưa đạt') },
  // "đạt" as a criterion's word (a target achieved, the wrong tone for a threshold of danger). The verbs "truyền đạt",
  // "diễn đạt", "biểu đạt" (to convey, to express) are other words.
  {
    name: 'đạt → chạm ngưỡng',
    pattern: word('đạt'),
    allow: (t, m) => /(?<!\p{L})(truyền|diễn|biểu) $/iu.test(t.slice(0, m.index)),
  },
  { name: 'kiểm toán → Nhật ký thao tác', pattern: word('kiểm toán') },
  { name: '100k → /100.000 dân', pattern: /100\s?k(?!\p{L})/iu },
  covidInFull,
  { name: 'Uỷ → Ủy', pattern: /uỷ/iu },
  { name: 'xoá → xóa', pattern: word('xoá') },
  { name: 'khoá → khóa', pattern: word('khoá') },
  // one spelling for an open "oa", "oe", "uy": the tone mark on the first vowel ("hóa", "khỏe", "Ủy"), as the seeds
  // write "Ủy", "khỏe" and "hóa" (they also write "hoà" more often than "hòa": no message uses either); "quý" is
  // "qu" + "y", not "uy"
  { name: 'one tone-mark spelling (hóa, khỏe, Ủy)', pattern: /(?<![qQ])(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/iu },
  // a unit may be a city or a town: "Đơn vị cấp huyện", never "Huyện" alone. "cấp huyện" (the level) and the
  // documents' "UBND/Ủy ban nhân dân các huyện, thành phố" (a body's name) are allowed.
  {
    name: 'Huyện → Đơn vị cấp huyện',
    pattern: word('huyện'),
    allow: (t, m) => /(cấp|các) $/i.test(t.slice(0, m.index)),
  },
  { name: 'trình diễn → dùng thử (dữ liệu mô phỏng)', pattern: word('trình diễn') },
  // tasks are "nhiệm vụ", as in appendix section V: the phrases that named them "việc" (the verb "làm việc này", "do
  // this", and "Việc dừng", "standing down", are not tasks)
  {
    name: 'việc → nhiệm vụ',
    pattern: /(?:việc của tôi|danh sách việc|giao việc|các việc|đánh dấu việc|(?:\d|#|\}) việc)(?!\p{L})/iu,
  },
  // the thresholds' plan is the "Kế hoạch"; the "Phương án" is the response
  {
    name: 'Phương án (the thresholds) → Kế hoạch',
    pattern: new RegExp(
      [
        'phương án (?:và ngưỡng|mặc định|riêng|đang áp dụng|áp dụng)',
        '(?:tên|ngưỡng|tiêu chí[^.;:]{0,20}của) phương án',
        'phương án: \\{name\\}',
      ].join('|'),
      'iu',
    ),
  },
];

const EN_RULES: Rule[] = [
  { name: '/100k → /100,000', pattern: /100\s?k\b/i },
  covidInFull,
  { name: 'surge scenario → surge situation', pattern: /\bscenarios?\b/i },
  { name: 'audit log → activity log', pattern: /\baudit logs?\b/i },
];

describe('the plans’ words in the interface', () => {
  it('finds the messages', () => {
    expect(VI.length).toBeGreaterThan(500);
    expect(EN.length).toBe(VI.length);
  });

  it.each(VI_RULES.map((r) => [r.name, r] as const))('Vietnamese: %s', (_, rule) => {
    const hits = VI.flatMap(([key, text]) => offences(rule, text).map((m) => `${key}: “${m}” in “${text}”`));
    expect(hits).toEqual([]);
  });

  it.each(EN_RULES.map((r) => [r.name, r] as const))('English: %s', (_, rule) => {
    const hits = EN.flatMap(([key, text]) => offences(rule, text).map((m) => `${key}: “${m}” in “${text}”`));
    expect(hits).toEqual([]);
  });

  it('is in one Unicode form (NFC), so that the rules above see every word as written', () => {
    const decomposed = [...VI, ...EN].filter(([, text]) => text !== text.normalize('NFC')).map(([key]) => key);
    expect(decomposed).toEqual([]);
  });

  it('uses the documents’ words where they matter most', () => {
    const vi = Object.fromEntries(VI);
    expect(vi['vi.json levels.surge']).toBe('Tình huống bùng phát');
    expect(vi['vi.json levels.warning']).toBe('Cảnh báo sớm (mức của SurgeWatch)');
    expect(vi['vi.json criteria.met']).toBe('Chạm ngưỡng');
    expect(vi['vi.json criteria.notMet']).toBe('Chưa chạm ngưỡng');
    expect(vi['vi.json nav.tasks']).toBe('Nhiệm vụ của tôi');
    expect(vi['vi.json pageTitles.audit']).toBe('Nhật ký thao tác');
    expect(vi['vi.json app.demoMode']).toContain('dùng thử (dữ liệu mô phỏng)');
    // a local officer's unit may be of any level since the 2025 reform (ADR 14)
    expect(vi['admin.vi.json users.unit']).toBe('Đơn vị');
  });

  it('catches each replaced term (the rules can fail)', () => {
    const caught = (rules: Rule[], text: string) =>
      rules.filter((r) => offences(r, text).length > 0).map((r) => r.name);
    expect(caught(VI_RULES, 'Kịch bản bùng phát')).toEqual(['kịch bản → tình huống dịch']);
    expect(caught(VI_RULES, 'Chưa đạt')).toEqual(['chưa đạt → chưa chạm ngưỡng', 'đạt → chạm ngưỡng']);
    expect(caught(VI_RULES, 'Ca mắc/100k: 1')).toEqual(['100k → /100.000 dân']);
    expect(caught(VI_RULES, 'Giường Covid trống')).toEqual(['"COVID-19" in full']);
    expect(caught(VI_RULES, 'Giường COVID trống')).toEqual(['"COVID-19" in full']);
    expect(caught(VI_RULES, 'Uỷ ban')).toEqual(['Uỷ → Ủy', 'one tone-mark spelling (hóa, khỏe, Ủy)']);
    expect(caught(VI_RULES, 'Đã xoá')).toEqual(['xoá → xóa', 'one tone-mark spelling (hóa, khỏe, Ủy)']);
    expect(caught(VI_RULES, 'Huyện')).toEqual(['Huyện → Đơn vị cấp huyện']);
    expect(caught(VI_RULES, 'Việc của tôi')).toEqual(['việc → nhiệm vụ']);
    expect(caught(VI_RULES, 'Phương án và ngưỡng')).toEqual(['Phương án (the thresholds) → Kế hoạch']);
    expect(caught(VI_RULES, 'Nhật ký kiểm toán')).toEqual(['kiểm toán → Nhật ký thao tác']);
    // allowed: the level, a body's name, a product name, the CSV column, "quý", a closed syllable ("hoàn")
    const fine =
      'Cán bộ cấp huyện; UBND các huyện, thành phố; COVID-19; free_covid_beds; quý; hoàn thành; làm việc này; ' +
      'truyền đạt; diễn đạt';
    expect(caught(VI_RULES, fine)).toEqual([]);
    expect(caught(VI_RULES, 'Không đạt')).toEqual(['đạt → chạm ngưỡng']);
    expect(caught(EN_RULES, 'Audit logs')).toEqual(['audit log → activity log']);
    expect(caught(EN_RULES, 'Surge scenarios, Cases/100k, Covid')).toEqual([
      '/100k → /100,000',
      '"COVID-19" in full',
      'surge scenario → surge situation',
    ]);
  });
});
