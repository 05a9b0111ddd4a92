import type { Role } from '@app/domain';

/** A small fictional province to try the system with: its People's Committee, two departments, a commune. */
export interface DemoAgency {
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string;
  readonly parentCode: string | null;
  readonly units: readonly { readonly key: string; readonly name: string; readonly abbreviation: string }[];
  /** Username suffix, e.g. `vanthu.ubnd`. */
  readonly suffix: string;
}

export interface DemoStaff {
  readonly login: string;
  readonly fullName: string;
  readonly position: string;
  readonly unitKey: string | null;
  readonly roles: readonly Role[];
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: '000.00.00.H41', name: 'Ủy ban nhân dân tỉnh Demo', abbreviation: 'UBND', parentCode: null, suffix: 'ubnd',
    units: [
      { key: 'vp', name: 'Văn phòng', abbreviation: 'VP' },
      { key: 'th', name: 'Phòng Tổng hợp', abbreviation: 'TH' },
    ],
  },
  {
    code: '000.00.01.H41', name: 'Sở Nội vụ', abbreviation: 'SNV', parentCode: '000.00.00.H41', suffix: 'snv',
    units: [
      { key: 'vp', name: 'Văn phòng', abbreviation: 'VP' },
      { key: 'th', name: 'Phòng Công chức, viên chức', abbreviation: 'CCVC' },
    ],
  },
  {
    code: '000.00.02.H41', name: 'Sở Tài chính', abbreviation: 'STC', parentCode: '000.00.00.H41', suffix: 'stc',
    units: [
      { key: 'vp', name: 'Văn phòng', abbreviation: 'VP' },
      { key: 'th', name: 'Phòng Quản lý ngân sách', abbreviation: 'QLNS' },
    ],
  },
  {
    code: '000.01.00.H41', name: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: 'UBND', parentCode: '000.00.00.H41', suffix: 'xahoabinh',
    units: [
      { key: 'vp', name: 'Văn phòng - Thống kê', abbreviation: 'VP' },
      { key: 'th', name: 'Công chức Tư pháp - Hộ tịch', abbreviation: 'TPHT' },
    ],
  },
];

/** Staff in every role for each demo agency. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { login: 'admin', fullName: 'Nguyễn Văn Quản', position: 'Quản trị hệ thống', unitKey: 'vp', roles: ['ADMIN'] },
  { login: 'vanthu', fullName: 'Trần Thị Thư', position: 'Văn thư', unitKey: 'vp', roles: ['CLERK'] },
  { login: 'lanhdao', fullName: 'Lê Văn Đạo', position: 'Chủ tịch / Giám đốc', unitKey: null, roles: ['LEADER'] },
  { login: 'truongphong', fullName: 'Phạm Thị Phương', position: 'Trưởng phòng', unitKey: 'th', roles: ['UNIT_HEAD'] },
  { login: 'chuyenvien', fullName: 'Hoàng Văn Viên', position: 'Chuyên viên', unitKey: 'th', roles: ['OFFICER'] },
  { login: 'luutru', fullName: 'Đỗ Thị Lưu', position: 'Lưu trữ viên', unitKey: 'vp', roles: ['ARCHIVIST'] },
  { login: 'kiemtra', fullName: 'Vũ Văn Kiểm', position: 'Thanh tra viên', unitKey: null, roles: ['AUDITOR'] },
];

export const demoUsername = (staff: DemoStaff, agency: DemoAgency) => `${staff.login}.${agency.suffix}`;
/** Deterministic unit ids, so seeding twice changes nothing. */
export const demoUnitId = (agency: DemoAgency, unitKey: string) => `${agency.suffix}-${unitKey}`;
