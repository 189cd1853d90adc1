// Seeds the configured database if it is empty (`npm run db:seed`). `npm start` does the same by itself; this entry
// point exists for operators who migrate and seed by hand. Uses the same builders as the tests (src/server/seed).
import { env, now } from '../src/server/env';
import { openDatabase } from '../src/server/db/connection';
import { applyMigrations } from '../src/server/db/migrate';
import { dbTargetFromEnv } from '../src/server/db/target';
import { seedIfEmpty } from '../src/server/seed';

const db = await openDatabase(dbTargetFromEnv());
try {
  await applyMigrations(db.sql);
  const result = await seedIfEmpty(db.prisma, { demo: env().demo, now: now() });
  console.log(
    result.seeded
      ? `Seeded ${result.units} units, ${result.users} demo accounts and ${result.reports} weekly reports.`
      : 'The database already has data: nothing seeded.',
  );
} finally {
  await db.close();
}
