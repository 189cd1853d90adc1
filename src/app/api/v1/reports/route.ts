// GET /api/v1/reports: src/server/reports/api.ts (docs/api.md)
export { listReports as GET } from '@/server/reports/api';
