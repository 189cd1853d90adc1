// GET and PUT /api/v1/reports/{unitCode}/{isoWeek}: src/server/reports/api.ts (docs/api.md)
export { getOneReport as GET, putOneReport as PUT } from '@/server/reports/api';
