// Input errors: everything that can go wrong before the engine sees a workbook.
// The message is one Chinese line meant for the CLI user; `code` is for programs.

export type InputErrorCode =
  | 'not_found' // no such file
  | 'not_file' // a directory or other non-regular file
  | 'not_xlsx' // not a ZIP container at all
  | 'legacy_xls' // OLE2 compound file: .xls / .et
  | 'encrypted' // password-protected workbook (OLE2 with EncryptionInfo)
  | 'corrupt' // ZIP/xlsx that cannot be parsed
  | 'empty' // no worksheet or no non-empty cell
  | 'unreadable'; // anything else (permissions, unexpected parser failure)

export class InputError extends Error {
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    // Keep the original failure for debugging without printing it to users.
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
