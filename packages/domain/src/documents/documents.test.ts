import { describe, expect, it } from 'vitest';
import { DOCUMENT_PURPOSES, sanitiseFileName, typeOfExtension, UPLOAD_PURPOSES } from './documents';

describe('file names', () => {
  it('keeps only the last path segment, so a name never leaves its folder', () => {
    expect(sanitiseFileName('../../x.pdf')).toBe('x.pdf');
    expect(sanitiseFileName('C:\\扫描\\承诺书.pdf')).toBe('承诺书.pdf');
    expect(sanitiseFileName('/etc/passwd')).toBe('passwd');
  });

  it('drops control and bidi-override characters and refuses what leaves nothing', () => {
    expect(sanitiseFileName('a\u0000b\u202Efdp.exe')).toBe('abfdp.exe');
    expect(sanitiseFileName('..')).toBeNull();
    expect(sanitiseFileName('../')).toBeNull();
    expect(sanitiseFileName('  ')).toBeNull();
  });

  it('shortens a long name but keeps its extension', () => {
    const name = sanitiseFileName(`${'很'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name?.endsWith('.pdf')).toBe(true);
  });

  it('reads the type a name announces', () => {
    expect(typeOfExtension('承诺书.PDF')).toBe('application/pdf');
    expect(typeOfExtension('scan.jpeg')).toBe('image/jpeg');
    expect(typeOfExtension('报表.xlsx')).toContain('spreadsheetml');
    expect(typeOfExtension('noextension')).toBeNull();
    expect(typeOfExtension('x.exe')).toBeNull();
  });
});

describe('purposes', () => {
  it('never offer a generated purpose for upload', () => {
    expect(UPLOAD_PURPOSES).not.toContain('funding_notice');
    expect(UPLOAD_PURPOSES).toContain('commitment_letter');
    expect(DOCUMENT_PURPOSES.commitment_letter.types).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
  });
});
