import {
  CONG_VAN_CODE,
  COPY_KINDS,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_CODES,
  documentTypeByCode,
  isDocumentTypeCode,
} from './document-types';

describe('document types (Decree 30 Điều 7, Phụ lục III)', () => {
  it('lists the 29 types of Điều 7', () => {
    expect(DOCUMENT_TYPES).toHaveLength(29);
  });

  it.each([
    ['NGHI_QUYET', 'Nghị quyết', 'NQ'],
    ['QUYET_DINH', 'Quyết định', 'QĐ'],
    ['CHI_THI', 'Chỉ thị', 'CT'],
    ['QUY_CHE', 'Quy chế', 'QC'],
    ['QUY_DINH', 'Quy định', 'QyĐ'],
    ['THONG_CAO', 'Thông cáo', 'TC'],
    ['THONG_BAO', 'Thông báo', 'TB'],
    ['HUONG_DAN', 'Hướng dẫn', 'HD'],
    ['CHUONG_TRINH', 'Chương trình', 'CTr'],
    ['KE_HOACH', 'Kế hoạch', 'KH'],
    ['PHUONG_AN', 'Phương án', 'PA'],
    ['DE_AN', 'Đề án', 'ĐA'],
    ['DU_AN', 'Dự án', 'DA'],
    ['BAO_CAO', 'Báo cáo', 'BC'],
    ['BIEN_BAN', 'Biên bản', 'BB'],
    ['TO_TRINH', 'Tờ trình', 'TTr'],
    ['HOP_DONG', 'Hợp đồng', 'HĐ'],
    ['CONG_VAN', 'Công văn', null],
    ['CONG_DIEN', 'Công điện', 'CĐ'],
    ['BAN_GHI_NHO', 'Bản ghi nhớ', 'BGN'],
    ['BAN_THOA_THUAN', 'Bản thỏa thuận', 'BTT'],
    ['GIAY_UY_QUYEN', 'Giấy ủy quyền', 'GUQ'],
    ['GIAY_MOI', 'Giấy mời', 'GM'],
    ['GIAY_GIOI_THIEU', 'Giấy giới thiệu', 'GGT'],
    ['GIAY_NGHI_PHEP', 'Giấy nghỉ phép', 'GNP'],
    ['PHIEU_GUI', 'Phiếu gửi', 'PG'],
    ['PHIEU_CHUYEN', 'Phiếu chuyển', 'PC'],
    ['PHIEU_BAO', 'Phiếu báo', 'PB'],
    ['THU_CONG', 'Thư công', null],
  ])('%s is "%s" abbreviated %p', (code, name, abbreviation) => {
    expect(documentTypeByCode(code)).toMatchObject({ code, name: name.normalize('NFC'), abbreviation: abbreviation?.normalize('NFC') ?? null });
  });

  it('has unique ASCII codes and unique abbreviations', () => {
    expect(new Set(DOCUMENT_TYPE_CODES).size).toBe(DOCUMENT_TYPES.length);
    DOCUMENT_TYPE_CODES.forEach((code) => expect(code).toMatch(/^[A-Z][A-Z_]*$/));
    const abbreviations = DOCUMENT_TYPES.map((definition) => definition.abbreviation).filter((value) => value !== null);
    expect(new Set(abbreviations).size).toBe(abbreviations.length);
  });

  it('stores names and abbreviations in NFC', () => {
    DOCUMENT_TYPES.forEach((definition) => {
      expect(definition.name).toBe(definition.name.normalize('NFC'));
      expect(definition.abbreviation ?? '').toBe((definition.abbreviation ?? '').normalize('NFC'));
    });
  });

  it('builds the notation of Công văn and Thư công from agency and unit, every other type from type and agency', () => {
    expect(documentTypeByCode(CONG_VAN_CODE)?.notationStyle).toBe('AGENCY_UNIT');
    expect(documentTypeByCode('THU_CONG')?.notationStyle).toBe('AGENCY_UNIT');
    expect(DOCUMENT_TYPES.filter((definition) => definition.notationStyle === 'TYPE_AGENCY')).toHaveLength(27);
  });

  it('answers null / false for an unknown code', () => {
    expect(documentTypeByCode('Quyết định')).toBeNull();
    expect(isDocumentTypeCode('QĐ')).toBe(false);
    expect(isDocumentTypeCode('QUYET_DINH')).toBe(true);
    expect(isDocumentTypeCode(null)).toBe(false);
  });

  it('keeps the copy kinds (SY, TrS, SL) apart from the document types', () => {
    expect(COPY_KINDS.map((kind) => kind.abbreviation)).toEqual(['SY', 'TrS', 'SL']);
    COPY_KINDS.forEach((kind) => expect(isDocumentTypeCode(kind.code)).toBe(false));
  });
});
