// Runs once when the server starts: validate the environment, open the database, apply migrations and (on an empty
// database) seed, so a broken setup fails at start with one clear line instead of at the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    await import('./instrumentation-node');
  }
}
