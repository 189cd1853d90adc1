// Runs once when the server starts: validate the environment, open the database, apply migrations and (on an empty
// database) seed, so a broken setup fails at start with one clear line instead of at the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { EnvError, parseEnv } = await import('./server/env');
  try {
    parseEnv();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    process.exit(1);
  }
  const { getDatabase, closeDatabase } = await import('./server/db');
  const { describeTarget } = await import('./server/db/connection');
  try {
    const database = await getDatabase();
    await database.sql.query('SELECT 1');
    console.log(`SurgeWatch: database ready (${describeTarget(database.target)}).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
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
}
