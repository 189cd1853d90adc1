import { LEVEL_STYLE } from '@/components/surge/format';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from '@/i18n/server';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import type { SurgeLevel } from '@/lib/surge';
import { cachedFigures } from '@/server/verdicts/cache';
import { getNationalOverview } from '@/server/dashboard/national';
import { breachSide, COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getNumberFormats } from '@/i18n/server';
import { NationalRows, type NationalRowView } from './national-rows';
import { nationalStanding } from './week-standing';

// The national overview's widgets, each rendered inside its own Suspense by the page. Both read the same cached
// overview (one computation per week and national fingerprint).

const COUNT_KEYS: Array<
  [SurgeLevel, 'national.countSurge' | 'national.countWarning' | 'national.countNormal' | 'national.countNoData']
> = [
  ['surge', 'national.countSurge'],
  ['warning', 'national.countWarning'],
  ['normal', 'national.countNormal'],
  ['no-data', 'national.countNoData'],
];

async function overview(user: SessionUser, week: IsoWeek) {
  const r = await getNationalOverview(user, week);
  if (r.status !== 'ok') throw new Error('The page checks canSeeNational before rendering its widgets');
  return r.data;
}

export async function NationalCounts({ user, week }: { user: SessionUser; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const data = await overview(user, week);
  // a province without a population has no level: it is among "no data", and said apart
  const noPopulation = data.rows.filter((r) => r.population === null).length;
  return (
    <ul className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="national-counts">
      {COUNT_KEYS.map(([level, key]) => (
        <li
          key={level}
          data-level={level}
          className={`rounded-lg border p-4 ${LEVEL_STYLE[level].className} ${data.counts[level] === 0 ? 'opacity-70' : ''}`}
        >
          <p className="text-3xl font-bold tabular-nums">
            <span aria-hidden="true" className="mr-2 text-xl">
              {LEVEL_STYLE[level].symbol}
            </span>
            {data.counts[level]}
          </p>
          <p className="text-sm font-medium">{t(key, { count: data.counts[level] })}</p>
          {level === 'no-data' && noPopulation > 0 && (
            <p className="text-xs" data-testid="count-no-population">
              {t('standing.countNoPopulation', { count: noPopulation })}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export async function NationalTable({ user, week }: { user: SessionUser; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const data = await overview(user, week);
  const provisional = tl('provisional');
  const levelLabel = { surge: tl('surge'), warning: tl('warning'), normal: tl('normal'), 'no-data': tl('no-data') };
  // the rows' words and numbers, formatted once per overview and language (63 rows × 12 weeks of numbers)
  const rows = await cachedFigures(`national-rows:${f.locale}:${data.key}`, async (): Promise<NationalRowView[]> => {
    const short = {
      cases: t('short.cases'),
      oxygen: t('short.oxygen'),
      freeBeds: t('short.freeBeds'),
      icuBeds: t('short.icuBeds'),
    };
    const first = data.weeks[0]!;
    const last = data.weeks[data.weeks.length - 1]!;
    return data.rows.map((r) => {
      const standing = nationalStanding(r);
      return {
        code: r.code,
        name: r.name,
        standing,
        level: r.level,
        provisional: r.provisional,
        settled: r.settled,
        // never a rate without the population in force; a province with nothing reported says so
        rate:
          standing === 'noPopulation'
            ? t('standing.noPopulation')
            : standing === 'noReports'
              ? t('standing.noReports')
              : r.casesRate === null
                ? '—'
                : f.rate(r.casesRate),
        threshold: `${COMPARATOR_SYMBOL[r.casesThreshold.comparator]} ${f.threshold(r.casesThreshold.threshold)}`,
        spark: r.spark.map((v) => (v === null ? null : Math.round(v * 10) / 10)),
        sparkThreshold: r.casesThreshold.threshold,
        breach: breachSide(r.casesThreshold.comparator),
        sparkLabel: t('national.spark', {
          from: first,
          to: last,
          values: r.spark.map((v) => (v === null ? '—' : f.rate(v))).join('; '),
        }),
        met: r.met.length ? r.met.map((k) => short[k]).join(', ') : null,
        reported: r.reported,
        expected: r.expected,
      };
    });
  });
  const none = t('national.none');
  return (
    <DataTable
      columns={[
        t('national.level'),
        t('national.province'),
        { label: t('national.cases'), align: 'right' },
        t('national.trend'),
        t('national.met'),
        { label: t('national.reported'), align: 'right' },
      ]}
      testId="national-table"
      // on a phone (34 rows at 390 px) the level moves under the province's name and the trend and the criteria met
      // columns give way, so a row reads without sideways scrolling: name and level, rate, reported
      tableClassName="[&_td]:px-3 [&_td]:py-1.5 max-sm:[&_tr>*:nth-child(1)]:hidden max-sm:[&_tr>*:nth-child(4)]:hidden max-sm:[&_tr>*:nth-child(5)]:hidden"
    >
      <NationalRows
        rows={rows}
        week={data.week}
        labels={{
          levels: levelLabel,
          provisional,
          none,
          notSettled: tl('notSettled'),
          settledProvisional: tl('settledProvisional'),
          noPopulation: t('standing.noPopulation'),
        }}
      />
    </DataTable>
  );
}
