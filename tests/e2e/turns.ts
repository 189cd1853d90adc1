// Turns between specs on different workers that cannot share a moment: the national overview lists every province,
// and the activation world's verdict moves from early warning to surge and back while response-activation.spec.ts
// runs. Both take the "national" turn; nothing else waits. A turn is a directory: mkdir is atomic across processes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TURNS = ['national'] as const;
type Turn = (typeof TURNS)[number];

const lockOf = (port: string, turn: Turn) => path.join(os.tmpdir(), `surgewatch-e2e-${port}-${turn}.turn`);

/** The lock directories of a server's turns (tests/e2e/server.ts removes any an interrupted run left). */
export const turnLocks = (port: string) => TURNS.map((t) => lockOf(port, t));

/** Runs `body` while holding the turn, waiting (up to 3 minutes) for another worker to give it back. */
export async function inTurn<T>(turn: Turn, body: () => Promise<T>): Promise<T> {
  const lock = lockOf(process.env.E2E_PORT ?? '3100', turn);
  for (const started = Date.now(); ;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - started > 180_000)
        throw new Error(`the "${turn}" turn was not given back in 3 minutes`, { cause: error });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
