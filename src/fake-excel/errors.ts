// Errors shaped like Office.js's OfficeExtension.Error, so adapter code reads `code` the same way
// against real Excel and against the fake.

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ApiNotFound'
  | 'AccessDenied'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidSelection'
  | 'GeneralException'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class FakeExcelError extends Error {
  override name = 'RichApi.Error';
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };
  constructor(readonly code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    property
  );
}

export function notFound(what: string): FakeExcelError {
  return new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: ${what}`, what);
}
