// The request/sync machinery: every proxy call queues an operation; sync() serializes the queue
// (request bytes), runs it against the document in order, and only then hands loaded values
// back to the proxies (response bytes). Mirrors Office.js batching closely enough that code
// which forgets load()/sync() fails here as it would in Excel.
import { jsonBytes } from '../addin/json-bytes';
import { FakeExcelError } from './errors';
import type { DocumentModel } from './model';

/** Web Excel rejects requests and responses above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to read or write more than 5 million cells in one range. */
export const CELL_LIMIT = 5_000_000;

export interface Loaded {
  payload: unknown;
  apply(): void;
}

export interface Operation {
  /** What the request would carry over the wire; measured for the payload limit. */
  describe: unknown;
  exec(): Loaded | void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  error?: string;
}

export interface HostStats {
  syncs: number;
  runs: number;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxOperationsPerSync: number;
  history: SyncRecord[];
}

export function emptyStats(): HostStats {
  return {
    syncs: 0,
    runs: 0,
    operations: 0,
    requestBytes: 0,
    responseBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    maxOperationsPerSync: 0,
    history: [],
  };
}

/** Shared by all contexts of one fake workbook. */
export interface FakeHostCore {
  readonly doc: DocumentModel;
  /** Mutable: the same document opened in another Excel version. */
  apiMinor: number;
  readonly stats: HostStats;
  readonly userName: string;
  /** Tells change listeners about whatever the last sync changed. */
  flushChanges(): void;
}

export class FakeRequestContext {
  private queue: Operation[] = [];

  constructor(readonly host: FakeHostCore) {}

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Throws ApiNotFound while executing when the host lacks ExcelApi 1.<minor>. */
  requireApi(minor: number, api: string): void {
    if (this.host.apiMinor < minor) {
      throw new FakeExcelError(
        'ApiNotFound',
        `The API you are trying to use could not be found (${api} needs ExcelApi 1.${minor}; this host has 1.${this.host.apiMinor}).`,
        api
      );
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const { stats } = this.host;
    const record: SyncRecord = { requestBytes: jsonBytes(ops.map((o) => o.describe)), responseBytes: 0, operations: ops.length };
    stats.syncs++;
    stats.operations += ops.length;
    stats.requestBytes += record.requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, record.requestBytes);
    stats.maxOperationsPerSync = Math.max(stats.maxOperationsPerSync, ops.length);
    stats.history.push(record);
    await Promise.resolve();
    if (record.requestBytes > PAYLOAD_LIMIT_BYTES) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`);
    }
    const results: Loaded[] = [];
    let failure: unknown;
    // Like Excel, operations before a failing one stay applied: a batch is not a transaction.
    for (const op of ops) {
      try {
        const r = op.exec();
        if (r) results.push(r);
      } catch (e) {
        failure = e;
        break;
      }
    }
    record.responseBytes = jsonBytes(results.map((r) => r.payload));
    stats.responseBytes += record.responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, record.responseBytes);
    this.host.flushChanges();
    if (failure !== undefined) {
      record.error = failure instanceof FakeExcelError ? failure.code : String(failure);
      throw failure;
    }
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
    for (const r of results) r.apply();
  }
}
