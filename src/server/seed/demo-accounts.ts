import type { Role } from '@/generated/prisma/enums';

// Demo accounts exist only in demo mode (README lists them). One shared password keeps the demo easy to try; it meets
// the 12-character minimum.
export const DEMO_PASSWORD = 'surgewatch-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  provinceCode?: string;
  /** a district code for district officers */
  unitCode?: string;
  /** an agency code of the province's plan for agency officers */
  agencyCode?: string;
}

/** The demo accounts' addresses by a short name: the one list the tests and the README's table refer to. */
export const DEMO_EMAILS = {
  admin: 'admin@demo.surgewatch.vn',
  national: 'lanhdao.quocgia@demo.surgewatch.vn',
  dataEntryKG: 'nhaplieu.kg@demo.surgewatch.vn',
  leaderKG: 'lanhdao.kg@demo.surgewatch.vn',
  districtKG: 'huyen.rachgia@demo.surgewatch.vn',
  agencyKG: 'soyte.kg@demo.surgewatch.vn',
  dataEntryLC: 'nhaplieu.lc@demo.surgewatch.vn',
  leaderLC: 'lanhdao.lc@demo.surgewatch.vn',
  districtLC: 'huyen.tamduong@demo.surgewatch.vn',
  agencyLC: 'soyte.lc@demo.surgewatch.vn',
} as const;
export type DemoAccountKey = keyof typeof DEMO_EMAILS;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: DEMO_EMAILS.admin, name: 'Quản trị hệ thống', role: 'ADMIN' },
  { email: DEMO_EMAILS.national, name: 'Lãnh đạo Bộ Y tế (xem toàn quốc)', role: 'NATIONAL_LEADER' },
  {
    email: DEMO_EMAILS.dataEntryKG,
    name: 'Nhập liệu Sở Y tế Kiên Giang',
    role: 'PROVINCIAL_DATA_ENTRY',
    provinceCode: '91',
  },
  {
    email: DEMO_EMAILS.leaderKG,
    name: 'Lãnh đạo tỉnh Kiên Giang',
    role: 'PROVINCIAL_LEADER',
    provinceCode: '91',
  },
  {
    email: DEMO_EMAILS.districtKG,
    name: 'Cán bộ TP Rạch Giá',
    role: 'LOCAL_OFFICER',
    provinceCode: '91',
    unitCode: '899',
  },
  {
    email: DEMO_EMAILS.agencyKG,
    name: 'Cán bộ Sở Y tế Kiên Giang',
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
    name: 'Cán bộ huyện Tam Đường',
    role: 'LOCAL_OFFICER',
    provinceCode: '12',
    unitCode: '106',
  },
  {
    email: DEMO_EMAILS.agencyLC,
    name: 'Cán bộ Sở Y tế Lai Châu',
    role: 'AGENCY_OFFICER',
    provinceCode: '12',
    agencyCode: 'so-y-te',
  },
];
