import { getDatabase } from '@/server/db';

export const dynamic = 'force-dynamic';

/** Liveness and database readiness, for load balancers and the start-up checks. */
export async function GET() {
  try {
    const database = await getDatabase();
    await database.sql.query('SELECT 1');
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
