import type { Role } from '@/generated/prisma/enums';

// Demo accounts exist only in demo mode (README lists them). One shared password keeps the demo easy to try; it meets
// the 12-character minimum.
export const DEMO_PASSWORD = 'surgewatch-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  provinceCode?: string;
  /** the handle of the unit a local officer is scoped to (a commune of the province since the 2025 reform) */
  unitCode?: string;
  /** an agency code of the plan written for the province (provinceCode), for agency officers */
  agencyCode?: string;
}

/**
 * The demo accounts' addresses by a short name: the one list the tests and the README's table refer to. The short
 * names are older than the 2025 reform: "KG" now names the accounts of new An Giang (91, which took old Kiên Giang's
 * code) and "district" the local officers, scoped to a commune.
 */
export const DEMO_EMAILS = {
  admin: 'admin@demo.surgewatch.vn',
  national: 'lanhdao.quocgia@demo.surgewatch.vn',
  dataEntryKG: 'nhaplieu.ag@demo.surgewatch.vn',
  leaderKG: 'lanhdao.ag@demo.surgewatch.vn',
  districtKG: 'phuong.rachgia@demo.surgewatch.vn',
  agencyKG: 'soyte.ag@demo.surgewatch.vn',
  dataEntryLC: 'nhaplieu.lc@demo.surgewatch.vn',
  leaderLC: 'lanhdao.lc@demo.surgewatch.vn',
  districtLC: 'xa.binhlu@demo.surgewatch.vn',
  agencyLC: 'soyte.lc@demo.surgewatch.vn',
} as const;
export type DemoAccountKey = keyof typeof DEMO_EMAILS;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: DEMO_EMAILS.admin, name: 'Quản trị hệ thống', role: 'ADMIN' },
  { email: DEMO_EMAILS.national, name: 'Lãnh đạo Bộ Y tế (xem toàn quốc)', role: 'NATIONAL_LEADER' },
  {
    email: DEMO_EMAILS.dataEntryKG,
    name: 'Nhập liệu Sở Y tế An Giang',
    role: 'PROVINCIAL_DATA_ENTRY',
    provinceCode: '91',
  },
  {
    email: DEMO_EMAILS.leaderKG,
    name: 'Lãnh đạo tỉnh An Giang',
    role: 'PROVINCIAL_LEADER',
    provinceCode: '91',
  },
  {
    email: DEMO_EMAILS.districtKG,
    name: 'Cán bộ phường Rạch Giá',
    role: 'LOCAL_OFFICER',
    provinceCode: '91',
    unitCode: '30742', // Phường Rạch Giá (01/07/2025), the heart of the former Thành phố Rạch Giá
  },
  {
    email: DEMO_EMAILS.agencyKG,
    name: 'Cán bộ Sở Y tế An Giang',
    role: 'AGENCY_OFFICER',
    provinceCode: '91',
    agencyCode: 'so-y-te',
  },
  {
    email: DEMO_EMAILS.dataEntryLC,
    name: 'Nhập liệu Sở Y tế Lai Châu',
    role: 'PROVINCIAL_DATA_ENTRY',
    provinceCode: '12',
  },
  {
    email: DEMO_EMAILS.leaderLC,
    name: 'Lãnh đạo tỉnh Lai Châu',
    role: 'PROVINCIAL_LEADER',
    provinceCode: '12',
  },
  {
    email: DEMO_EMAILS.districtLC,
    name: 'Cán bộ xã Bình Lư',
    role: 'LOCAL_OFFICER',
    provinceCode: '12',
    unitCode: '03390', // Xã Bình Lư (01/07/2025): former Thị trấn Tam Đường, Bình Lư and Sơn Bình of huyện Tam Đường
  },
  {
    email: DEMO_EMAILS.agencyLC,
    name: 'Cán bộ Sở Y tế Lai Châu',
    role: 'AGENCY_OFFICER',
    provinceCode: '12',
    agencyCode: 'so-y-te',
  },
];
