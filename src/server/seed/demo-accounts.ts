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

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.surgewatch.vn', name: 'Quản trị hệ thống', role: 'ADMIN' },
  { email: 'lanhdao.quocgia@demo.surgewatch.vn', name: 'Lãnh đạo Bộ Y tế (xem toàn quốc)', role: 'NATIONAL_LEADER' },
  {
    email: 'nhaplieu.kg@demo.surgewatch.vn',
    name: 'Nhập liệu Sở Y tế Kiên Giang',
    role: 'PROVINCIAL_DATA_ENTRY',
    provinceCode: '91',
  },
  {
    email: 'lanhdao.kg@demo.surgewatch.vn',
    name: 'Lãnh đạo tỉnh Kiên Giang',
    role: 'PROVINCIAL_LEADER',
    provinceCode: '91',
  },
  {
    email: 'huyen.rachgia@demo.surgewatch.vn',
    name: 'Cán bộ TP Rạch Giá',
    role: 'DISTRICT_OFFICER',
    provinceCode: '91',
    unitCode: '899',
  },
  {
    email: 'soyte.kg@demo.surgewatch.vn',
    name: 'Cán bộ Sở Y tế Kiên Giang',
    role: 'AGENCY_OFFICER',
    provinceCode: '91',
    agencyCode: 'so-y-te',
  },
  {
    email: 'nhaplieu.lc@demo.surgewatch.vn',
    name: 'Nhập liệu Sở Y tế Lai Châu',
    role: 'PROVINCIAL_DATA_ENTRY',
    provinceCode: '12',
  },
  {
    email: 'lanhdao.lc@demo.surgewatch.vn',
    name: 'Lãnh đạo tỉnh Lai Châu',
    role: 'PROVINCIAL_LEADER',
    provinceCode: '12',
  },
  {
    email: 'huyen.tamduong@demo.surgewatch.vn',
    name: 'Cán bộ huyện Tam Đường',
    role: 'DISTRICT_OFFICER',
    provinceCode: '12',
    unitCode: '106',
  },
  {
    email: 'soyte.lc@demo.surgewatch.vn',
    name: 'Cán bộ Sở Y tế Lai Châu',
    role: 'AGENCY_OFFICER',
    provinceCode: '12',
    agencyCode: 'so-y-te',
  },
];
