// GET /api/v1/reports/export: src/server/reports/api.ts (docs/api.md)
export { exportReports as GET } from '@/server/reports/api';
