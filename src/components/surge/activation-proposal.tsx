import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { getNumberFormats } from '@/i18n/server';
import type { ProposalView } from '@/server/activation/proposal-view';
import { LevelBadge } from './level-badge';

// The open activation proposal of a province (issue 13, item 2): the week, its level "chưa chốt", what is still missing
// and, for the leaders, their two decisions (passed in as children: the forms are the response page's). Shown on the
// province page and on the response page.

const EXPECTED_FIELDS = { province: 3, other: 4 } as const;

export async function ActivationProposalPanel({
  proposal: p,
  provinceCode,
  dateTime,
  children,
}: {
  proposal: ProposalView;
  provinceCode: string;
  dateTime: (iso: string) => string;
  children?: React.ReactNode;
}) {
  const [t, tFields, tProvince, f] = await Promise.all([
    getTranslations('response'),
    getTranslations('figures'),
    getTranslations('province'),
    getNumberFormats(),
  ]);
  return (
    <section
      aria-labelledby="activation-proposal"
      data-testid="activation-proposal"
      className="mb-6 rounded-lg border-2 border-dashed border-red-400 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="activation-proposal" className="text-lg font-bold">
          {t('proposal.title', { week: p.week })}
        </h2>
        <LevelBadge level={p.level} provisional settled={false} />
      </div>
      <p className="mt-2 max-w-3xl text-sm text-slate-800">{t('proposal.lead', { week: p.week })}</p>
      <p className="mt-1 text-sm text-slate-600">
        {p.completeness &&
          `${t('proposal.completeness', { reported: p.completeness.reported, expected: p.completeness.expected })} `}
        {t('proposal.since', { created: dateTime(p.createdAt), updated: dateTime(p.updatedAt) })}
      </p>

      <h3 className="mt-4 font-semibold">{t('proposal.missingTitle', { count: f.integer(p.missing.length) })}</h3>
      {p.missing.length === 0 ? (
        <p className="text-sm text-slate-600">{t('proposal.missingNone')}</p>
      ) : (
        <ul
          className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm"
          data-testid="missing-reports"
        >
          {p.missing.map((m) => (
            <li key={m.unitCode} className="flex flex-wrap gap-x-3 gap-y-0.5 px-3 py-1.5">
              <span className="font-medium">{m.kind === 'province' ? tProvince('ownRow') : m.unitName}</span>
              <span className="text-slate-700">
                {m.fields.length === EXPECTED_FIELDS[m.kind === 'province' ? 'province' : 'other']
                  ? t('proposal.missingAll')
                  : m.fields.map((field) => tFields(field)).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {p.canEnter && (
        <Link
          href={`/provinces/${provinceCode}/entry?week=${p.week}`}
          className="mt-2 inline-block text-sm text-sky-800 underline"
        >
          {t('proposal.enterLink')}
        </Link>
      )}

      <p className="mt-3 text-sm font-medium text-slate-800">{t('proposal.agencies', { count: p.agencies })}</p>
      {p.canManage ? (
        <div className="mt-3 grid gap-3 md:grid-cols-2">{children}</div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t('proposal.readOnly')}</p>
      )}
    </section>
  );
}
