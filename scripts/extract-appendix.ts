/**
 * Extracts the agencies and their tasks of APPENDIX section V ("V. TỔ CHỨC THỰC HIỆN") of the two provincial COVID-19
 * plans (the appendix "Phương án đảm bảo công tác y tế trong tình huống dịch COVID-19 có biến chủng mới nguy hiểm, bùng
 * phát mạnh trên diện rộng, vượt quá năng lực của hệ thống y tế"), and writes prisma/data/response/<plan>.json.
 *
 *   npx tsx scripts/extract-appendix.ts [seedsDir] [--out <dir>] [--check]
 *
 * seedsDir defaults to ../shared/seeds relative to the project root; --out defaults to prisma/data/response; --check
 * writes nothing and exits 1 when a committed JSON file differs from what the script would write.
 *
 * The output is deterministic: the same seed files always give byte-identical JSON (2-space indent, final newline).
 *
 * Rules (also in prisma/data/response/README.md):
 * - The section is located inside the appendix (the standalone "PHỤ LỤC"/"Phụ lục" line followed by the appendix
 *   title), so the main plan's "IV. TỔ CHỨC THỰC HIỆN" is never read. It ends at the next Roman-numbered heading,
 *   "Nơi nhận" or the end of the file, and before the document's closing paragraph (the one ending with "./.",
 *   "Trên đây là Phương án ..." in Kiên Giang, "Phương án bảo đảm công tác y tế ..." in Lai Châu), which is not a task.
 * - A body starts at a line "<n>. <name>"; its name is the heading text without the number. The document's numbering
 *   is followed as written (a skip or a repeat would be kept and reported as a warning, not renumbered); `order` is the
 *   document's number.
 * - One bullet ("-", "–", "—", "•", ...) is one task. A body without bullets is one task: its paragraph. A paragraph
 *   before the first bullet would be the body's description (neither document has one, so every description is null).
 * - Line wraps are joined back: every non-bullet, non-heading line continues the item above it (Lai Châu is
 *   hard-wrapped, sometimes with a blank line in the middle of a sentence; Kiên Giang has a few such breaks too).
 *   Lines are joined with one space, except a word broken at a hyphen ("COVID-" + "19"), which is joined without one.
 *   Whitespace is collapsed; the document's wording, spelling mistakes, punctuation and diacritics are kept as written.
 *   One exception, in body NAMES only (they are the interface's labels, task texts are quotations): the tone mark of
 *   "Uỷ" is written "Ủy", the spelling most of the documents use, so the interface writes "Ủy ban" one way throughout.
 * - Sub-bullets ("+" under a "-" bullet): kept as part of the parent task, their "+" dropped and their text appended
 *   to the parent's with one space (the parent is usually an introduction ending with ":" that makes no sense alone,
 *   and the app ticks a task as a whole). Neither appendix section V has any, so the rule is not exercised today.
 * - `code` is the ASCII slug of the full name (diacritics removed, "đ" -> "d", non-alphanumerics -> "-"), which must be
 *   unique within a plan. `kind` is "district-committee" for "Ủy/Uỷ ban nhân dân các huyện, thành phố", else
 *   "province-body". `hasOwnOfficer` is false for the steering committee (Ban Chỉ đạo), the Fatherland Front and mass
 *   organisations (Mặt trận Tổ quốc ...) and "the other departments" (Các sở, ban, ngành, ... khác); true otherwise.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ResponseTask {
  order: number;
  text: string;
}

export interface ResponseAgency {
  order: number;
  code: string;
  name: string;
  description: string | null;
  kind: 'province-body' | 'district-committee';
  hasOwnOfficer: boolean;
  tasks: ResponseTask[];
}

export interface ResponsePlanFile {
  provinceCode: string;
  planKey: string;
  source: { file: string; document: string };
  agencies: ResponseAgency[];
}

export interface PlanSource {
  file: string;
  out: string;
  provinceCode: string;
  planKey: string;
  document: string;
  /** a string the seed file must contain, so a wrong file is refused */
  anchor: string;
  /** the number of bodies the section must have */
  bodies: number;
}

const APPENDIX_TITLE =
  'Phương án đảm bảo công tác y tế trong tình huống dịch COVID-19 có biến chủng mới nguy hiểm, bùng phát mạnh trên diện rộng, vượt quá năng lực của hệ thống y tế';

export const PLAN_SOURCES: PlanSource[] = [
  {
    file: '000_87ccff6f1f1c4bcf.txt',
    out: 'kien-giang.json',
    provinceCode: '91',
    planKey: 'kien-giang',
    document:
      'Công văn số 3840/SYT-NVYD của Sở Y tế tỉnh Kiên Giang V/v góp ý dự thảo Kế hoạch Kiểm soát, quản lý bền vững dịch bệnh COVID-19 giai đoạn 2023 - 2025; dự thảo Kế hoạch kèm theo, ' +
      `Phụ lục "${APPENDIX_TITLE}", mục V. Tổ chức thực hiện`,
    anchor: '3840/SYT-NVYD',
    bodies: 24,
  },
  {
    file: '001_5eb51f3791de1e1e.txt',
    out: 'lai-chau.json',
    provinceCode: '12',
    planKey: 'lai-chau',
    document:
      'Kế hoạch Kiểm soát, quản lý bền vững dịch bệnh COVID-19 tỉnh Lai Châu giai đoạn 2023-2025 của UBND tỉnh Lai Châu (Kế hoạch số /KH-UBND ngày /12/2023, số và ngày để trống trong văn bản; ' +
      'theo đề nghị của Sở Y tế tại Tờ trình số 227/TTr-SYT ngày 01/12/2023), ' +
      `Phụ lục "${APPENDIX_TITLE}", mục V. Tổ chức thực hiện`,
    anchor: 'Kèm theo Kế hoạch số',
    bodies: 16,
  },
];

/** ASCII slug: diacritics removed, đ -> d, lower case, runs of other characters -> "-". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const TOP_BULLET = /^\s*[-–—•▪◦·]\s+/;
const SUB_BULLET = /^\s*\+\s+/;
const BODY_HEADING = /^\s*(\d{1,2})\.\s+(\p{Lu}.*?)\s*$/u;
const ROMAN_HEADING = /^\s*[IVX]+\.\s+\p{Lu}/u;
const SECTION_V = /^\s*V\.\s*TỔ CHỨC THỰC HIỆN\s*$/u;
/** ends a sentence: . ! ? (possibly followed by a closing quote or bracket) */
const SENTENCE_END = /[.!?…][”"')\]]*$/u;

/** Joins wrapped lines: one space, or none after a word broken at a hyphen ("COVID-" + "19"); whitespace collapsed. */
export function joinLines(lines: string[]): string {
  let acc = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!acc) acc = line;
    else if (/[\p{L}\p{N}]-$/u.test(acc) && /^[\p{L}\p{N}]/u.test(line)) acc += line;
    else acc += ' ' + line;
  }
  return acc.replace(/\s+/g, ' ').trim();
}

interface Item {
  kind: 'bullet' | 'para';
  /** parts[0] is the item's own text (its lines); further parts are its sub-bullets */
  parts: string[][];
}

export interface RawBody {
  number: number;
  name: string;
  description: string | null;
  tasks: string[];
}

export interface SectionExtract {
  bodies: RawBody[];
  /** the closing paragraph that was cut off the last body, if any */
  closing: string | null;
  /** oddities found (numbering skips/repeats, sub-bullets) */
  warnings: string[];
}

/** Finds and parses section V of the appendix. Throws when the document does not have the expected shape. */
export function extractSectionV(text: string): SectionExtract {
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''));
  const warnings: string[] = [];

  // 1. The appendix: a standalone "Phụ lục" line whose following lines carry the appendix title.
  const titleKey = 'công tác y tế trong tình huống dịch covid-19';
  let appendix = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\**\s*phụ lục\s*\**$/iu.test((lines[i] ?? '').trim())) continue;
    const following = joinLines(lines.slice(i + 1, i + 8))
      .replace(/\*/g, '')
      .toLowerCase();
    if (following.includes(titleKey)) {
      appendix = i;
      break;
    }
  }
  if (appendix < 0) throw new Error('appendix "Phụ lục — Phương án đảm bảo công tác y tế ..." not found');

  // 2. Its section V.
  const starts = lines.map((l, i) => (i > appendix && SECTION_V.test(l) ? i : -1)).filter((i) => i >= 0);
  if (starts.length !== 1)
    throw new Error(`expected one "V. TỔ CHỨC THỰC HIỆN" in the appendix, found ${starts.length}`);
  const start = starts[0]!;

  // 3. Its end: the next Roman heading, "Nơi nhận" or the end of the file ...
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (ROMAN_HEADING.test(l) || /^\s*Nơi nhận/u.test(l)) {
      end = i;
      break;
    }
  }
  // ... and before the closing paragraph, the one ending with "./.": walk back to the line after a sentence's end.
  let closing: string | null = null;
  const closingLast = lines.slice(start + 1, end).findIndex((l) => /\.\/\.\s*$/.test(l));
  if (closingLast >= 0) {
    let first = start + 1 + closingLast;
    for (;;) {
      let prev = first - 1;
      while (prev > start && !(lines[prev] ?? '').trim()) prev--;
      const p = (lines[prev] ?? '').trim();
      if (prev <= start || SENTENCE_END.test(p) || BODY_HEADING.test(p)) break;
      first = prev;
    }
    const head = (lines[first] ?? '').trim();
    if (TOP_BULLET.test(head) || SUB_BULLET.test(head) || BODY_HEADING.test(head)) {
      throw new Error(`the closing paragraph starts with a bullet or heading: "${head}"`);
    }
    closing = joinLines(lines.slice(first, start + 1 + closingLast + 1));
    end = first;
  }

  // 4. The bodies and their items.
  const bodies: { number: number; name: string; items: Item[] }[] = [];
  let subBullets = 0;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) continue;
    const heading = BODY_HEADING.exec(line);
    if (heading) {
      const number = Number(heading[1]);
      const prev = bodies.at(-1);
      const expected = prev ? prev.number + 1 : 1;
      if (number !== expected)
        warnings.push(`body numbered ${number} where ${expected} was expected (kept as written)`);
      bodies.push({ number, name: heading[2]!.replace(/\s+/g, ' '), items: [] });
      continue;
    }
    const body = bodies.at(-1);
    if (!body) throw new Error(`text before the first numbered body of section V: "${line.trim()}"`);
    const last = body.items.at(-1);
    if (SUB_BULLET.test(line) && last?.kind === 'bullet') {
      // A sub-bullet stays part of its parent task (see the header comment).
      subBullets++;
      last.parts.push([line.replace(SUB_BULLET, '')]);
    } else if (TOP_BULLET.test(line) || SUB_BULLET.test(line)) {
      body.items.push({ kind: 'bullet', parts: [[line.replace(TOP_BULLET, '').replace(SUB_BULLET, '')]] });
    } else if (last) {
      last.parts.at(-1)!.push(line); // a wrapped line continues the item above it
    } else {
      body.items.push({ kind: 'para', parts: [[line]] });
    }
  }
  if (subBullets > 0) warnings.push(`${subBullets} sub-bullet(s) joined into their parent task`);

  const itemText = (it: Item) => it.parts.map(joinLines).filter(Boolean).join(' ');
  const raw: RawBody[] = bodies.map((b) => {
    const firstBullet = b.items.findIndex((it) => it.kind === 'bullet');
    if (firstBullet < 0) {
      // A body written as one paragraph (wrapped lines already joined): one task.
      if (b.items.length !== 1)
        throw new Error(`body ${b.number} (${b.name}): ${b.items.length} paragraphs and no bullets`);
      return { number: b.number, name: b.name, description: null, tasks: [itemText(b.items[0]!)] };
    }
    const intro = b.items.slice(0, firstBullet).map(itemText).join(' ');
    return {
      number: b.number,
      name: b.name,
      description: intro || null,
      tasks: b.items.slice(firstBullet).map(itemText),
    };
  });
  for (const b of raw) {
    if (b.tasks.length === 0) throw new Error(`body ${b.number} (${b.name}) has no task`);
    for (const t of b.tasks) if (!t) throw new Error(`body ${b.number} (${b.name}) has an empty task`);
  }
  return { bodies: raw, closing, warnings };
}

const isDistrictCommittee = (code: string) => code === 'uy-ban-nhan-dan-cac-huyen-thanh-pho';

/** Bodies with no officer of their own in the app: their tasks are ticked by the province's leaders. */
const hasNoOwnOfficer = (code: string) =>
  code.startsWith('ban-chi-dao') || // the steering committee
  code.includes('mat-tran-to-quoc') || // the Fatherland Front and its member (mass) organisations
  (code.startsWith('cac-so-') && code.endsWith('-khac')); // "Các sở, ban, ngành, đoàn thể khác"

export function buildPlanFile(
  source: PlanSource,
  text: string,
): { plan: ResponsePlanFile; warnings: string[]; closing: string | null } {
  if (!text.includes(source.anchor))
    throw new Error(`${source.file}: does not contain "${source.anchor}"; wrong file?`);
  const { bodies, closing, warnings } = extractSectionV(text);
  if (bodies.length !== source.bodies)
    throw new Error(`${source.file}: ${bodies.length} bodies in appendix section V, expected ${source.bodies}`);
  const seen = new Set<string>();
  const agencies: ResponseAgency[] = bodies.map((b) => {
    const code = slugify(b.name);
    if (!code || seen.has(code))
      throw new Error(`${source.file}: code "${code}" of body ${b.number} is empty or not unique`);
    seen.add(code);
    return {
      order: b.number,
      code,
      name: b.name.replace(/Uỷ/g, 'Ủy'),
      description: b.description,
      kind: isDistrictCommittee(code) ? 'district-committee' : 'province-body',
      hasOwnOfficer: !hasNoOwnOfficer(code),
      tasks: b.tasks.map((t, i) => ({ order: i + 1, text: t })),
    };
  });
  return {
    plan: {
      provinceCode: source.provinceCode,
      planKey: source.planKey,
      source: { file: source.file, document: source.document },
      agencies,
    },
    warnings,
    closing,
  };
}

export function renderPlanJson(plan: ResponsePlanFile): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SEEDS_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');
export const DEFAULT_OUT_DIR = path.join(PROJECT_ROOT, 'prisma', 'data', 'response');

/** Extracts every plan from the seeds directory; returns the file name and the JSON text for each. */
export function extractAll(seedsDir: string = DEFAULT_SEEDS_DIR) {
  return PLAN_SOURCES.map((source) => {
    const text = readFileSync(path.join(seedsDir, source.file), 'utf8');
    const { plan, warnings, closing } = buildPlanFile(source, text);
    return { source, plan, json: renderPlanJson(plan), warnings, closing };
  });
}

function main(argv: string[]): number {
  let seedsDir = DEFAULT_SEEDS_DIR;
  let outDir = DEFAULT_OUT_DIR;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') check = true;
    else if (a === '--out') outDir = path.resolve(argv[++i] ?? '');
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else seedsDir = path.resolve(a);
  }
  let drift = false;
  for (const r of extractAll(seedsDir)) {
    const target = path.join(outDir, r.source.out);
    const counts = r.plan.agencies.map((a) => `${a.order}:${a.tasks.length}`).join(' ');
    console.log(
      `${r.source.file} -> ${path.relative(process.cwd(), target)}: ${r.plan.agencies.length} bodies (${counts})`,
    );
    for (const w of r.warnings) console.log(`  warning: ${w}`);
    if (check) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
      if (current !== r.json) {
        drift = true;
        console.log(`  DIFFERS from ${target}`);
      }
    } else {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(target, r.json);
    }
  }
  return drift ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
