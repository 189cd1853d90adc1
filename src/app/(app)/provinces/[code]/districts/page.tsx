import { redirect } from 'next/navigation';

// The province's units are listed on its dashboard (the hotspot heatmap and the units' table).
export default async function DistrictsIndex({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  redirect(`/provinces/${code}#heatmap`);
}
