// Node.js start-up work, kept apart from instrumentation.ts so the Edge build never sees Node APIs.
import { EnvError, parseEnv } from './server/env';
import { closeDatabase, getDatabase } from './server/db';
import { describeTarget } from './server/db/connection';
import { behindForwardedGuard } from './server/http/forwarded';

try {
  parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : String(error));
  process.exit(1);
}

try {
  const database = await getDatabase();
  await database.sql.query('SELECT 1');
  console.log(`SurgeWatch: database ready (${describeTarget(database.target)}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// Started some other way than `npm start` (e.g. `next start`), the forwarding-header guard is not in front of Next: the
// app then knows no client addresses, so sign-in throttling counts every client as one (docs/adr/0009).
if (!behindForwardedGuard()) {
  console.warn(
    'SurgeWatch: started without scripts/forwarded-guard.cjs (use `npm start`): client addresses are unknown, so the ' +
      'audit log has none and sign-in throttling treats all clients as one.',
  );
}

// With NEXT_MANUAL_SIG_HANDLE=true (scripts/start.ts) Next leaves the signals to us: close the embedded database
// before exiting, or every restart runs crash recovery.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    closeDatabase()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  });
}
