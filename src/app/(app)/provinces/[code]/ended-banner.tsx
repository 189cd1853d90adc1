import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { viDate } from '@/lib/units';
import type { EndedNotice } from '@/server/units/handles';

/** "Đơn vị đã kết thúc ngày 30/06/2025 — kế tục bởi Tỉnh An Giang": on every page of an ended unit. */
export async function EndedBanner({ notice }: { notice: EndedNotice }) {
  const t = await getTranslations('province');
  const href = (s: EndedNotice['successors'][number]) =>
    s.kind === 'province' ? `/provinces/${s.code}` : `/provinces/${s.provinceCode}/districts/${s.code}`;
  return (
    <div
      role="note"
      data-testid="ended-unit-banner"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="font-semibold">
        {t('ended', { date: viDate(notice.validTo) })}
        {notice.successors.length > 0 && ` — ${t('succeededBy')} `}
        {notice.successors.map((s, i) => (
          <span key={s.code}>
            {i > 0 && ', '}
            <Link href={href(s)} className="text-sky-800 underline">
              {s.name}
            </Link>
            {s.share === 'partial' && ` ${t('partOf')}`}
          </span>
        ))}
      </p>
      <p className="mt-1">{t('endedHistory')}</p>
    </div>
  );
}
