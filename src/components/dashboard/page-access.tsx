import 'server-only';
import { notFound } from 'next/navigation';
import type { ScopedResult } from '@/server/verdicts/province-week';

/** What a page says, where its content would be, to a user who may not read it. */
export function NoAccess({ message }: { message: string }) {
  return (
    <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" role="alert">
      {message}
    </p>
  );
}

/**
 * A dashboard page's data once opened for the user (openProvince, openDistrict): an unknown code ends in the 404
 * page; a forbidden one gives the page to render instead, saying so.
 */
export function pageData<T>(
  opened: ScopedResult<T>,
  forbiddenMessage: string,
): { data: T } | { denied: React.ReactElement } {
  if (opened.status === 'not-found') notFound();
  if (opened.status === 'forbidden') return { denied: <NoAccess message={forbiddenMessage} /> };
  return { data: opened.data };
}
