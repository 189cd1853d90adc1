import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The CLI would download its native schema engine on every command, which fails on networks that reach only the npm
// registry. `prisma generate` does not need it, so point it at a stub; migrations run through the WASM engine
// (scripts/migrate.ts). See docs/adr/0002-database-and-migrations.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'scripts/stub/schema-engine');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
});
