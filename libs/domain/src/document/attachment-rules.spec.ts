import { DomainError } from '../shared/domain-error';
import type { Attachment } from './document-metadata';
import { MAX_ATTACHMENT_SIZE_BYTES, SIGNED_DOCUMENT_EXTENSIONS, checkAttachment, checkAttachments, extensionOf } from './attachment-rules';

const SHA = 'a'.repeat(64);
const file = (overrides: Partial<Attachment> = {}): Attachment => ({
  fileName: 'QD_05_2025.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1024,
  sha256: SHA,
  ...overrides,
});

function refusal(attachment: Attachment, allowed?: readonly string[]): DomainError {
  try {
    checkAttachment(attachment, allowed);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected ATTACHMENT_REJECTED');
}

describe('attachment rules (Ninh Bình Điều 8.3–8.4)', () => {
  it('accepts a well-formed file and normalizes its checksum to lower case', () => {
    expect(checkAttachment(file({ sha256: SHA.toUpperCase(), mediaType: ' application/pdf ' }))).toEqual(file());
  });

  it.each(['txt', 'rtf', 'doc', 'docx', 'odt', 'pdf', 'csv', 'xls', 'xlsx', 'ods', 'png', 'jpg', 'tif', 'PDF'])('accepts .%s', (ext) => {
    expect(checkAttachment(file({ fileName: `van-ban.${ext}` })).fileName).toBe(`van-ban.${ext}`);
  });

  it('accepts a name of exactly 50 characters', () => {
    const fileName = `${'a'.repeat(46)}.pdf`;
    expect(checkAttachment(file({ fileName })).fileName).toHaveLength(50);
  });

  it('accepts exactly 50 MB', () => {
    expect(checkAttachment(file({ sizeBytes: 50 * 1024 * 1024 })).sizeBytes).toBe(MAX_ATTACHMENT_SIZE_BYTES);
  });

  it.each([
    ['a name longer than 50 characters', file({ fileName: `${'a'.repeat(47)}.pdf` }), 'FILE_NAME_TOO_LONG'],
    ['Vietnamese diacritics', file({ fileName: 'quyết_định.pdf' }), 'FILE_NAME_CHARACTERS'],
    ['a space', file({ fileName: 'quyet dinh.pdf' }), 'FILE_NAME_CHARACTERS'],
    ['special characters', file({ fileName: 'qd#5(1).pdf' }), 'FILE_NAME_CHARACTERS'],
    ['an empty name', file({ fileName: '  ' }), 'FILE_NAME_REQUIRED'],
    ['an executable', file({ fileName: 'setup.exe' }), 'FILE_TYPE_NOT_ALLOWED'],
    ['no extension', file({ fileName: 'README' }), 'FILE_TYPE_NOT_ALLOWED'],
    ['a zip archive', file({ fileName: 'hoso.zip' }), 'FILE_TYPE_NOT_ALLOWED'],
    ['one byte over 50 MB', file({ sizeBytes: 50 * 1024 * 1024 + 1 }), 'FILE_TOO_LARGE'],
    ['a negative size', file({ sizeBytes: -1 }), 'SIZE_INVALID'],
    ['a fractional size', file({ sizeBytes: 1.5 }), 'SIZE_INVALID'],
    ['no media type', file({ mediaType: '' }), 'MEDIA_TYPE_REQUIRED'],
    ['a short checksum', file({ sha256: 'abc' }), 'SHA256_INVALID'],
  ])('rejects %s', (_label, attachment, rule) => {
    const error = refusal(attachment);
    expect(error.code).toBe('ATTACHMENT_REJECTED');
    expect(error.details).toMatchObject({ fileName: attachment.fileName.trim(), rule });
  });

  it('only accepts PDF for signed documents', () => {
    expect(refusal(file({ fileName: 'to-trinh.docx' }), SIGNED_DOCUMENT_EXTENSIONS).details).toMatchObject({ rule: 'FILE_TYPE_NOT_ALLOWED' });
    expect(checkAttachment(file(), SIGNED_DOCUMENT_EXTENSIONS).fileName).toBe('QD_05_2025.pdf');
  });

  it('checks every attachment and reports the first refused one', () => {
    expect(() => checkAttachments([file(), file({ fileName: 'x.exe' }), file({ fileName: 'y.bat' })])).toThrow(
      expect.objectContaining({ code: 'ATTACHMENT_REJECTED', details: expect.objectContaining({ fileName: 'x.exe' }) }),
    );
  });

  it('reads the lower-case extension', () => {
    expect(extensionOf('Bao.Cao.XLSX')).toBe('xlsx');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('trailing.')).toBe('');
  });
});
