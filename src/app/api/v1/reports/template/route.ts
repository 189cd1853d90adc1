// GET /api/v1/reports/template: src/server/reports/api.ts (docs/api.md)
export { getReportTemplate as GET } from '@/server/reports/api';
