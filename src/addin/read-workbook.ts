// Reads every sheet's used range into a WorkbookSnapshot in as few syncs as the 5 MB payload cap
// allows: sync 1 lists the sheets, sync 2 sizes their used ranges and already loads their first
// rows, then each further sync ("wave") loads as many row chunks as fit in the byte budget,
// merged areas banded alongside. Never per-cell proxies.
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
/** Sync 2 also loads each sheet's first rows within this budget, assuming this width. */
const LEAD_BUDGET_BYTES = 3.5 * 1024 * 1024;
const LEAD_ASSUMED_COLUMNS = 16;
/** Keeps the lead's merged-area query (one per sheet) far from Excel's 512-area limit. */
const MAX_LEAD_ROWS = 400;
/** Rows per merged-area query: keeps each query well under Excel's 512-area limit. */
const MERGE_BAND_ROWS = 200;
const PAYLOAD_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

type FullSnapshot = SheetSnapshot & Required<Pick<SheetSnapshot, 'text' | 'formulas' | 'numberFormats'>>;

interface SheetInfo {
  name: string;
  used: CellRange | null;
  snapshot: FullSnapshot;
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
    s.text[r] = t;
    s.formulas[r] = f;
    s.numberFormats[r] = n;
  });
}

/** Rows above the used range become empty rows; an empty sheet (Excel: used range A1) has none. */
function finish(info: SheetInfo): SheetSnapshot {
  const s = info.snapshot;
  const u = info.used;
  const single = u && u.r0 === 0 && u.c0 === 0 && u.r1 === 0 && u.c1 === 0;
  if (single && s.values[0]?.[0] === null && s.formulas[0]?.[0] === null) {
    return { ...s, values: [], text: [], formulas: [], numberFormats: [] };
  }
  for (const grid of [s.values, s.text, s.formulas, s.numberFormats] as unknown[][][]) {
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  }
  return s;
}

function parseMerges(address: string): CellRange[] {
  return splitAreas(address).map((a) => parseArea(a).range);
}

interface Queued {
  chunk: Chunk;
  range: Excel.Range;
  bands: Excel.RangeAreas[];
}

/** Queues the merged-area queries of `range` in bands of MERGE_BAND_ROWS rows. */
function queueMerges(ws: Excel.Worksheet, rect: CellRange): Excel.RangeAreas[] {
  const bands: Excel.RangeAreas[] = [];
  for (let b = rect.r0; b <= rect.r1; b += MERGE_BAND_ROWS) {
    const rows = Math.min(MERGE_BAND_ROWS, rect.r1 - b + 1);
    bands.push(ws.getRangeByIndexes(b, rect.c0, rows, rect.c1 - rect.c0 + 1).getMergedAreasOrNullObject().load('address'));
  }
  return bands;
}

const GRIDS = 'values,text,formulas,numberFormat';

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

  private get merges(): boolean {
    return this.caps.mergedAreas && !this.mergesFailed;
  }

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
    const infos: SheetInfo[] = sheets.map((ws) => ({
      name: ws.name,
      used: null,
      snapshot: { name: ws.name, values: [], text: [], formulas: [], numberFormats: [], merges: [], ...(ws.visibility !== 'Visible' ? { hidden: true } : {}) },
      chunksLeft: 0,
    }));
    const loadedTo = await this.sizeAndLead(sheets, infos);
    const chunks = infos.flatMap((info, i) => {
      if (!info.used || loadedTo[i] >= info.used.r1) return [];
      const cols = info.used.c1 - info.used.c0 + 1;
      const list = splitRows(info, { ...info.used, r0: loadedTo[i] + 1 }, Math.max(1, Math.floor(CHUNK_CELLS / cols)));
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
    return { file: caps.excelApiMinor >= 7 ? workbook.name : '工作簿', sheets: infos.map(finish) };
  }

  /**
   * Sync 2: every sheet's used range and, in the same request, its first rows (a "lead" sized
   * to fit the budget at an assumed width), so a workbook of ordinary budget tables is read
   * whole here. Returns the last row loaded per sheet. A lead that overflows is dropped.
   */
  private async sizeAndLead(sheets: Excel.Worksheet[], infos: SheetInfo[]): Promise<number[]> {
    let lead = sheets.length ? Math.min(MAX_LEAD_ROWS, Math.floor(LEAD_BUDGET_BYTES / (sheets.length * LEAD_ASSUMED_COLUMNS * this.bytesPerCell))) : 0;
    for (;;) {
      const merges = this.merges;
      const probes = sheets.map((ws) => {
        // Non-null variants throughout: an empty sheet's used range is A1, and the lead band
        // always intersects the used range, so nothing here is ever a null object.
        const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
        if (!lead) return { ws, used, band: null, bands: [] as Excel.RangeAreas[] };
        const band = used.getIntersection(used.getCell(0, 0).getResizedRange(lead - 1, 0).getEntireRow()).load(`rowIndex,rowCount,${GRIDS}`);
        return { ws, used, band, bands: merges ? [band.getMergedAreasOrNullObject().load('address')] : [] };
      });
      try {
        await this.sync();
      } catch (e) {
        const code = errorCode(e);
        if (lead && code && PAYLOAD_ERRORS.has(code)) lead = 0;
        else if (merges && !(code && PAYLOAD_ERRORS.has(code))) this.mergesFailed = true;
        else throw e;
        continue;
      }
      const done: Queued[] = [];
      const loadedTo = probes.map(({ used, band, bands }, i) => {
        const u = { r0: used.rowIndex, c0: used.columnIndex, r1: used.rowIndex + used.rowCount - 1, c1: used.columnIndex + used.columnCount - 1 };
        infos[i].used = u;
        if (!band) return u.r0 - 1;
        const rect = { ...u, r1: band.rowIndex + band.rowCount - 1 };
        done.push({ chunk: { sheet: infos[i], rect }, range: band, bands });
        return rect.r1;
      });
      this.collect(done);
      return loadedTo;
    }
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
    const merges = this.merges;
    const queued: Queued[] = wave.map((chunk) => {
      const ws = this.context.workbook.worksheets.getItem(chunk.sheet.name);
      const { r0, c0, r1, c1 } = chunk.rect;
      const range = ws.getRangeByIndexes(r0, c0, r1 - r0 + 1, c1 - c0 + 1).load(GRIDS);
      return { chunk, range, bands: merges ? queueMerges(ws, chunk.rect) : [] };
    });
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
    this.collect(queued);
  }

  /** Stores loaded grids and merges, and learns what a cell really costs on the wire. */
  private collect(queued: Queued[]): void {
    let bytes = 0;
    let count = 0;
    for (const { chunk, range, bands } of queued) {
      store(chunk, range.values, range.text, range.formulas, range.numberFormat);
      bytes += jsonBytes([range.values, range.text, range.formulas, range.numberFormat]);
      count += cells(chunk.rect);
      for (const band of bands) if (!band.isNullObject) chunk.sheet.snapshot.merges.push(...parseMerges(band.address));
      chunk.sheet.chunksLeft = Math.max(0, chunk.sheet.chunksLeft - 1);
    }
    // Later waves use what this one really cost; the budget's distance to 5 MB is the margin
    // for denser sheets further on, and a wave that still overflows is split and retried.
    if (count) this.bytesPerCell = bytes / count;
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
