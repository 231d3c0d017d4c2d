// Classify a file by its bytes before handing it to the xlsx parser, so users get a
// precise reason ("this is an .xls", "this is encrypted") instead of a parser crash.
import { InputError } from './errors';

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// Stream names of an encrypted OOXML package (MS-OFFCRYPTO), stored UTF-16LE in the OLE directory.
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));
/** The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes. */
const EOCD_SEARCH = 22 + 0xffff;

/** Throws InputError unless `buf` looks like a complete ZIP (the container of an .xlsx). */
export function assertXlsxBytes(buf: Buffer, fileName: string): void {
  if (buf.length === 0) throw new InputError('not_xlsx', `“${fileName}”是空文件（0 字节），不是 Excel 工作簿。`);
  if (buf.length >= OLE2.length && buf.subarray(0, OLE2.length).equals(OLE2)) {
    if (ENCRYPTION_STREAMS.some((name) => buf.includes(name))) {
      throw new InputError('encrypted', `“${fileName}”设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存再检查。`);
    }
    throw new InputError('legacy_xls', `“${fileName}”是旧版 .xls/.et 格式：请在 Excel/WPS 中另存为 .xlsx 后再检查。`);
  }
  if (!buf.subarray(0, 4).equals(ZIP_LOCAL)) {
    throw new InputError('not_xlsx', `“${fileName}”不是 .xlsx 工作簿（文件格式不符）。`);
  }
  if (!buf.subarray(Math.max(0, buf.length - EOCD_SEARCH)).includes(ZIP_EOCD)) {
    throw new InputError('corrupt', `“${fileName}”文件已损坏或不完整（压缩包结尾缺失），请重新获取或另存后再检查。`);
  }
}
