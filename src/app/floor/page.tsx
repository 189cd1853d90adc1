import { connection } from 'next/server';
import { getTranslations } from '@/i18n/server';

// The benchmark's floor (scripts/bench-dashboard.ts): a dynamic page of this app, rendered on every request through
// the same root layout, that reads nothing from the database. What the dashboards cost is measured against it.
// With SURGEWATCH_BENCH=1 (set by the benchmark only), ?pad=N (KB, at most 100) adds N KB of text, so the benchmark can
// tell what the size of a page alone costs: the text travels like any page content, in the HTML and again in the
// inlined RSC payload. Elsewhere the parameter is ignored: a public page must not hand out large answers for free.
const MAX_PAD_KB = 100;

export default async function FloorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const t = await getTranslations('dashboard');
  const { pad } = await searchParams;
  const padding = process.env.SURGEWATCH_BENCH === '1' && typeof pad === 'string' ? Number(pad) : 0;
  const kb = Math.min(MAX_PAD_KB, Math.max(0, Math.floor(padding) || 0));
  return (
    <>
      <p>{t('floor.line')}</p>
      {kb > 0 && (
        <p data-testid="floor-pad">{'0123456789abcdef '.repeat(Math.ceil((kb * 1024) / 17)).slice(0, kb * 1024)}</p>
      )}
    </>
  );
}
