// POST /api/v1/reports/import: src/server/reports/api.ts (docs/api.md)
export { importReportFile as POST } from '@/server/reports/api';
