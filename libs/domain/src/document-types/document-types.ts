/**
 * Administrative document types (Decree 30/2020/NĐ-CP Điều 7) with their abbreviations (Phụ lục III.I);
 * domain.md §1.5. Each type has a stable ASCII `code` for commands, events and read models (abbreviations
 * such as `QĐ` or `HĐ` are not ASCII, and Công văn and Thư công have none).
 *
 * How the notation (ký hiệu) is built (Phụ lục I Phần I.II.3):
 * - `TYPE_AGENCY`: type abbreviation + `-` + issuing-agency abbreviation, e.g. `QĐ-UBND`;
 * - `AGENCY_UNIT`: issuing-agency abbreviation + `-` + drafting-unit (or field) abbreviation, e.g. `UBND-VP`.
 *   This is the rule for Công văn. Thư công, which Điều 7 lists but Phụ lục III gives no abbreviation,
 *   follows it too (a choice of this system: a type without abbreviation cannot use `TYPE_AGENCY`).
 *
 * Agencies may add specialised types (domain.md §9.1 A7); this list is the national seed only.
 */

export type NotationStyle = 'TYPE_AGENCY' | 'AGENCY_UNIT';

export interface DocumentTypeDefinition {
  /** Stable ASCII identifier (upper snake case of the Vietnamese name without diacritics). */
  readonly code: string;
  /** Tên loại văn bản, NFC. */
  readonly name: string;
  /** Chữ viết tắt (Phụ lục III), or null for Công văn and Thư công. */
  readonly abbreviation: string | null;
  readonly notationStyle: NotationStyle;
}

function type(code: string, name: string, abbreviation: string | null): DocumentTypeDefinition {
  return Object.freeze({
    code,
    name: name.normalize('NFC'),
    abbreviation: abbreviation === null ? null : abbreviation.normalize('NFC'),
    notationStyle: abbreviation === null ? 'AGENCY_UNIT' : 'TYPE_AGENCY',
  });
}

/** The 29 types of Điều 7, in the decree's order. */
export const DOCUMENT_TYPES: readonly DocumentTypeDefinition[] = Object.freeze([
  type('NGHI_QUYET', 'Nghị quyết', 'NQ'),
  type('QUYET_DINH', 'Quyết định', 'QĐ'),
  type('CHI_THI', 'Chỉ thị', 'CT'),
  type('QUY_CHE', 'Quy chế', 'QC'),
  type('QUY_DINH', 'Quy định', 'QyĐ'),
  type('THONG_CAO', 'Thông cáo', 'TC'),
  type('THONG_BAO', 'Thông báo', 'TB'),
  type('HUONG_DAN', 'Hướng dẫn', 'HD'),
  type('CHUONG_TRINH', 'Chương trình', 'CTr'),
  type('KE_HOACH', 'Kế hoạch', 'KH'),
  type('PHUONG_AN', 'Phương án', 'PA'),
  type('DE_AN', 'Đề án', 'ĐA'),
  type('DU_AN', 'Dự án', 'DA'),
  type('BAO_CAO', 'Báo cáo', 'BC'),
  type('BIEN_BAN', 'Biên bản', 'BB'),
  type('TO_TRINH', 'Tờ trình', 'TTr'),
  type('HOP_DONG', 'Hợp đồng', 'HĐ'),
  type('CONG_VAN', 'Công văn', null),
  type('CONG_DIEN', 'Công điện', 'CĐ'),
  type('BAN_GHI_NHO', 'Bản ghi nhớ', 'BGN'),
  type('BAN_THOA_THUAN', 'Bản thỏa thuận', 'BTT'),
  type('GIAY_UY_QUYEN', 'Giấy ủy quyền', 'GUQ'),
  type('GIAY_MOI', 'Giấy mời', 'GM'),
  type('GIAY_GIOI_THIEU', 'Giấy giới thiệu', 'GGT'),
  type('GIAY_NGHI_PHEP', 'Giấy nghỉ phép', 'GNP'),
  type('PHIEU_GUI', 'Phiếu gửi', 'PG'),
  type('PHIEU_CHUYEN', 'Phiếu chuyển', 'PC'),
  type('PHIEU_BAO', 'Phiếu báo', 'PB'),
  type('THU_CONG', 'Thư công', null),
]);

export const DOCUMENT_TYPE_CODES: readonly string[] = Object.freeze(DOCUMENT_TYPES.map((definition) => definition.code));

/** Công văn: the type whose notation is agency + unit (`UBND-VP`). */
export const CONG_VAN_CODE = 'CONG_VAN';

const BY_CODE: ReadonlyMap<string, DocumentTypeDefinition> = new Map(DOCUMENT_TYPES.map((definition) => [definition.code, definition]));

/** The type with this code, or null. */
export function documentTypeByCode(code: string): DocumentTypeDefinition | null {
  return BY_CODE.get(code) ?? null;
}

export function isDocumentTypeCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/**
 * Copies (Decree 30 Điều 25–27) are numbered in their own yearly series with these abbreviations (Phụ lục III);
 * they are not types an outgoing draft can take.
 */
export type CopyKind = 'SAO_Y' | 'TRICH_SAO' | 'SAO_LUC';

export interface CopyKindDefinition {
  readonly code: CopyKind;
  readonly name: string;
  readonly abbreviation: string;
}

export const COPY_KINDS: readonly CopyKindDefinition[] = Object.freeze([
  Object.freeze({ code: 'SAO_Y', name: 'Bản sao y', abbreviation: 'SY' } as const),
  Object.freeze({ code: 'TRICH_SAO', name: 'Bản trích sao', abbreviation: 'TrS' } as const),
  Object.freeze({ code: 'SAO_LUC', name: 'Bản sao lục', abbreviation: 'SL' } as const),
]);
