import 'server-only';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { compareWeeks, formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SurgeLevel } from '@/lib/surge';
import type { LevelChange } from '@/lib/contracts/reports';
import { previewConsequence } from '../activation/consequence';
import { readProvinceVerdict } from '../verdicts/read';

// "Say it before it happens" (issue 13 item 3): a save that changes the province's verdict for the latest complete
// week is shown to the user, with what the response plan will do, before anything is kept. The save writes its rows in
// its transaction, asks the activation what it would do now (the same computation the hook then runs), and rolls the
// whole transaction back unless the user confirmed this very consequence.

type Tx = Prisma.TransactionClient;

/**
 * The week whose consequence the save must show, read inside its transaction before its rows are written: the latest
 * complete week when the save touches it; else the week of the province's open activation when the save corrects it (a
 * correction a week later can still withdraw an automatic opening). One week a save: the grid and the API save one,
 * and a file touching both is judged on the latest, which is what moves the plan.
 */
export async function weekToWatch(
  client: Tx | PrismaClient,
  provinceCode: string,
  latest: IsoWeek,
  weeks: readonly IsoWeek[],
): Promise<{ week: IsoWeek; latest: boolean } | null> {
  const touches = (w: IsoWeek) => weeks.some((x) => compareWeeks(x, w) === 0);
  if (touches(latest)) return { week: latest, latest: true };
  const open = await client.activation.findFirst({
    where: { status: 'OPEN', province: { code: provinceCode, kind: 'province' } },
    select: { isoYear: true, isoWeek: true },
  });
  return open && touches(open) ? { week: { isoYear: open.isoYear, isoWeek: open.isoWeek }, latest: false } : null;
}

/** The watched week with its level before the save's rows are written (read through the save's transaction). */
export async function withLevelBefore(tx: Tx, provinceCode: string, watched: { week: IsoWeek; latest: boolean }) {
  const verdict = await readProvinceVerdict(tx, provinceCode, watched.week);
  return { ...watched, from: verdict?.level ?? ('no-data' as const) };
}

/** Levels under which nothing is shown to anyone: a move between them alone is not worth a confirmation. */
const QUIET: ReadonlySet<SurgeLevel> = new Set(['no-data', 'normal']);

/**
 * The consequence's name: everything the user is told, so that any difference asks again. Only characters a URL
 * query keeps as they are, so an API caller can paste it after `levelChange=`.
 */
export const levelChangeKey = (c: Omit<LevelChange, 'key' | 'code'>): string =>
  [c.week, c.from, c.to, c.settled ? 'settled' : 'provisional', c.action, c.agencies].join('.');

/**
 * The level change this save makes, after its rows are written in `tx`, or null when there is nothing to say. Said,
 * for the latest complete week: any change of level, except between "no data" and "normal" (the first report of a
 * quiet week would otherwise ask every time); for any week: an opening or withdrawal of the plan, even at the same
 * level (a provisional surge that settles, a settled one that no longer is).
 */
export async function previewLevelChange(
  tx: Tx,
  provinceCode: string,
  watched: { week: IsoWeek; latest: boolean; from: SurgeLevel },
  now: Date,
): Promise<LevelChange | null> {
  const { week, from } = watched;
  const c = await previewConsequence(tx, provinceCode, week, now);
  const planMoves = c.action === 'open' || c.action === 'withdraw';
  const levelMoves = watched.latest && c.level !== from && !(QUIET.has(c.level) && QUIET.has(from));
  if (!planMoves && !levelMoves) return null;
  const change = {
    week: formatIsoWeek(week),
    from,
    to: c.level,
    settled: c.settled,
    action: c.action,
    agencies: c.agencies,
  };
  return { code: 'levelChange', ...change, key: levelChangeKey(change) };
}

/** Thrown inside the save's transaction to roll it back: something is still to be confirmed. */
export class NotConfirmed extends Error {
  constructor(readonly levelChange: LevelChange | null) {
    super('not confirmed');
  }
}
