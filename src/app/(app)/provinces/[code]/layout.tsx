import { SurgeBanner } from '@/components/surge/surge-banner';
import { getCurrentUser } from '@/server/auth/current-user';
import { getSurgeStatus, openProvince } from '@/server/dashboard/province';
import { endedNotice, unitByHandle } from '@/server/units/handles';
import { today } from '@/server/units/list';
import { EndedBanner } from './ended-banner';

// Every page of a province (dashboard, districts, entry, import, completeness, response, print) sits under this
// layout, so the surge banner is on all of them. It is computed at request time from the saved figures (through the
// cache keyed by the province's data version), for the last complete week, whatever week the page itself shows.
// Users who may read the figures see the criteria and values; those who may only follow the response (agency
// officers: activation.read without reports.read) see the level, the streak and the plan; others see no banner, and
// the page below gives its own answer. An ended province's pages say so above the banner (EndedBanner).
export default async function ProvinceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  const user = await getCurrentUser();
  const opened = user ? await openProvince(user, code, 'status') : null;
  const status = opened?.status === 'ok' ? await getSurgeStatus(opened.data) : null;
  // an ended province (old Kiên Giang, 91~20250630) says so on every page, with the province(s) it went into
  const unit = opened?.status === 'ok' ? await unitByHandle(code) : null;
  const ended = unit ? await endedNotice(unit, today()) : null;
  return (
    <>
      {ended && <EndedBanner notice={ended} />}
      {status && <SurgeBanner status={status} />}
      {children}
    </>
  );
}
