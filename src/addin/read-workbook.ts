// Reads every sheet's used range into a WorkbookSnapshot in as few syncs as the 5 MB payload cap
// allows: sync 1 lists the sheets, sync 2 sizes their used ranges, then each further sync
// ("wave") loads as many row chunks as fit in the byte budget, merged areas banded alongside.
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../engine/grid';
import { parseArea, splitAreas } from './excel-address';
import type { HostCapabilities, ReadProgress } from './host';
import { EXPORT_SHEET } from './export-findings';
import { jsonBytes } from './json-bytes';
import { errorCode } from './office-env';


/** Estimated response bytes per wave; Excel on the web rejects above 5 MB. */
const WAVE_BUDGET_BYTES = 4.5 * 1024 * 1024;
/** First guess of JSON bytes per cell for values+text+formulas+numberFormat; refined as we go. */
const INITIAL_BYTES_PER_CELL = 48;
/** Cells per range proxy: far below Excel's 5M-cell cap, small enough to rebalance waves. */
const CHUNK_CELLS = 20_000;
/** Rows per merged-area query: keeps each query well under Excel's 512-area limit. */
const MERGE_BAND_ROWS = 200;
const PAYLOAD_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

interface SheetInfo {
  name: string;
  used: CellRange | null;
  snapshot: SheetSnapshot;
  chunksLeft: number;
}

interface Chunk {
  sheet: SheetInfo;
  rect: CellRange;
}

type Grid = unknown[][];

function splitRows(sheet: SheetInfo, used: CellRange, maxRows: number): Chunk[] {
  const out: Chunk[] = [];
  for (let r0 = used.r0; r0 <= used.r1; r0 += maxRows) {
    out.push({ sheet, rect: { r0, c0: used.c0, r1: Math.min(used.r1, r0 + maxRows - 1), c1: used.c1 } });
  }
  return out;
}

function cells(rect: CellRange): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

function rowsOf(rect: CellRange): number {
  return rect.r1 - rect.r0 + 1;
}

/** Stores a loaded chunk into the sheet's zero-based, sheet-absolute grids. */
function store(chunk: Chunk, values: Grid, text: Grid, formulas: Grid, formats: Grid): void {
  const s = chunk.sheet.snapshot;
  const { r0, c0 } = chunk.rect;
  values.forEach((row, i) => {
    const r = r0 + i;
    const pad = (): null[] => new Array<null>(c0).fill(null);
    const v = pad() as CellValue[];
    const t = pad() as (string | null)[];
    const f = pad() as (string | null)[];
    const n = pad() as (string | null)[];
    row.forEach((value, j) => {
      v.push(value === '' || value === undefined ? null : (value as CellValue));
      const tx = text[i]?.[j];
      t.push(typeof tx === 'string' && tx !== '' ? tx : null);
      const fx = formulas[i]?.[j];
      f.push(typeof fx === 'string' && fx.startsWith('=') ? fx : null);
      const nf = formats[i]?.[j];
      n.push(typeof nf === 'string' && nf !== 'General' ? nf : null);
    });
    s.values[r] = v;
    s.text![r] = t;
    s.formulas![r] = f;
    s.numberFormats![r] = n;
  });
}

function parseMerges(address: string): CellRange[] {
  return splitAreas(address).map((a) => parseArea(a).range);
}

/** Queues one wave: the four grids of each chunk plus its merged-area bands. */
function queueWave(context: Excel.RequestContext, wave: Chunk[], merges: boolean) {
  return wave.map((chunk) => {
    const ws = context.workbook.worksheets.getItem(chunk.sheet.name);
    const { r0, c0 } = chunk.rect;
    const range = ws.getRangeByIndexes(r0, c0, rowsOf(chunk.rect), chunk.rect.c1 - c0 + 1).load('values,text,formulas,numberFormat');
    const bands: Excel.RangeAreas[] = [];
    if (merges) {
      for (let b = r0; b <= chunk.rect.r1; b += MERGE_BAND_ROWS) {
        const rows = Math.min(MERGE_BAND_ROWS, chunk.rect.r1 - b + 1);
        bands.push(ws.getRangeByIndexes(b, c0, rows, chunk.rect.c1 - c0 + 1).getMergedAreasOrNullObject().load('address'));
      }
    }
    return { chunk, range, bands };
  });
}

export class WorkbookReader {
  private bytesPerCell = INITIAL_BYTES_PER_CELL;
  /** Merged-area queries failed once (too many areas): the engine infers layout instead. */
  private mergesFailed = false;
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: HostCapabilities,
    private readonly onProgress?: (p: ReadProgress) => void
  ) {}

  private async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }

  async read(): Promise<WorkbookSnapshot> {
    const { context, caps } = this;
    const workbook = context.workbook;
    const list = workbook.worksheets.load('items/name,items/visibility');
    if (caps.excelApiMinor >= 7) workbook.load('name');
    await this.sync();

    // The add-in's own results sheet is not a budget table.
    const sheets = list.items.filter((ws) => ws.name !== EXPORT_SHEET);
    const used = sheets.map((ws) =>
      (caps.excelApiMinor >= 4 ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true)).load('rowIndex,columnIndex,rowCount,columnCount')
    );
    await this.sync();

    const infos: SheetInfo[] = sheets.map((ws, i) => {
      const u = used[i];
      const rect = u.isNullObject ? null : { r0: u.rowIndex, c0: u.columnIndex, r1: u.rowIndex + u.rowCount - 1, c1: u.columnIndex + u.columnCount - 1 };
      return {
        name: ws.name,
        used: rect,
        snapshot: { name: ws.name, values: [], text: [], formulas: [], numberFormats: [], merges: [], ...(ws.visibility !== 'Visible' ? { hidden: true } : {}) },
        chunksLeft: 0,
      };
    });
    const chunks = infos.flatMap((info) => {
      if (!info.used) return [];
      const cols = info.used.c1 - info.used.c0 + 1;
      const list = splitRows(info, info.used, Math.max(1, Math.floor(CHUNK_CELLS / cols)));
      info.chunksLeft = list.length;
      return list;
    });
    this.report(infos);
    let next = 0;
    while (next < chunks.length) {
      const wave = this.takeWave(chunks, next);
      next += wave.length;
      await this.loadWave(wave);
      this.report(infos);
    }
    return { file: caps.excelApiMinor >= 7 ? workbook.name : '工作簿', sheets: infos.map((i) => i.snapshot) };
  }

  private report(infos: SheetInfo[]): void {
    this.onProgress?.({ sheetsDone: infos.filter((i) => i.chunksLeft === 0).length, sheetsTotal: infos.length });
  }

  /** As many chunks from `start` as fit the byte budget at the current estimate (at least one). */
  private takeWave(chunks: Chunk[], start: number): Chunk[] {
    let bytes = 0;
    let end = start;
    while (end < chunks.length) {
      const cost = cells(chunks[end].rect) * this.bytesPerCell;
      if (end > start && bytes + cost > WAVE_BUDGET_BYTES) break;
      bytes += cost;
      end++;
    }
    return chunks.slice(start, end);
  }

  /** Loads a wave; on a payload-limit error splits it in half and retries each half. */
  private async loadWave(wave: Chunk[]): Promise<void> {
    const merges = this.caps.mergedAreas && !this.mergesFailed;
    const queued = queueWave(this.context, wave, merges);
    try {
      await this.sync();
    } catch (e) {
      const code = errorCode(e);
      if (code && PAYLOAD_ERRORS.has(code)) {
        this.bytesPerCell *= 2;
        for (const half of this.halves(wave)) await this.loadWave(half);
        return;
      }
      if (!merges) throw e;
      // Most likely a band with more than 512 merged areas: read on without merges.
      this.mergesFailed = true;
      await this.loadWave(wave);
      return;
    }
    let bytes = 0;
    let count = 0;
    for (const { chunk, range, bands } of queued) {
      store(chunk, range.values, range.text, range.formulas, range.numberFormat);
      bytes += jsonBytes([range.values, range.text, range.formulas, range.numberFormat]);
      count += cells(chunk.rect);
      for (const band of bands) if (!band.isNullObject) chunk.sheet.snapshot.merges.push(...parseMerges(band.address));
      chunk.sheet.chunksLeft--;
    }
    // Later waves use what this one really cost; the budget's distance to 5 MB is the margin
    // for denser sheets further on, and a wave that still overflows is split and retried.
    this.bytesPerCell = bytes / Math.max(1, count);
  }

  private halves(wave: Chunk[]): Chunk[][] {
    if (wave.length > 1) return [wave.slice(0, wave.length >> 1), wave.slice(wave.length >> 1)];
    const { sheet, rect } = wave[0];
    if (rect.r0 === rect.r1) throw new RangeError(`第 ${rect.r0 + 1} 行的数据超过单次读取上限`);
    const mid = rect.r0 + ((rect.r1 - rect.r0) >> 1);
    sheet.chunksLeft++;
    return [[{ sheet, rect: { ...rect, r1: mid } }], [{ sheet, rect: { ...rect, r0: mid + 1 } }]];
  }
}
