// What the add-in remembers about the cells it marked, stored in the workbook itself so marks can
// be cleared after the pane (or the file) was closed: a custom XML part (ExcelApi 1.5), else a
// workbook setting (1.4).
import type { HostCapabilities, NoteKind } from './host';
import { HostError } from './host';

/** Notes and comments need no record: the add-in's text is recognized by MARK_PREFIX. */
export interface MarkedCell {
  sheet: string;
  /** Single cell, A1. */
  cell: string;
  /** The user's fill before marking; null = no fill. */
  fill: string | null;
  /** The fill the add-in set; if the cell shows another now, the user changed it and it stays. */
  markFill: string;
}

export interface MarkRecord {
  version: 1;
  noteKind: NoteKind;
  cells: MarkedCell[];
}

export const MARKS_NAMESPACE = 'urn:budget-check:marks:1';
const SETTINGS_KEY = 'budgetcheck.marks';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function recordToXml(record: MarkRecord): string {
  return `<marks xmlns="${MARKS_NAMESPACE}">${escapeXml(JSON.stringify(record))}</marks>`;
}

function parseRecord(json: string | null): MarkRecord | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as MarkRecord;
    return r && r.version === 1 && Array.isArray(r.cells) ? r : null;
  } catch {
    return null; // A damaged record is treated as none; marks can then be removed by recognizing their prefix.
  }
}

export function recordFromXml(xml: string): MarkRecord | null {
  const m = /<marks[^>]*>([\s\S]*)<\/marks>/.exec(xml);
  return parseRecord(m ? unescapeXml(m[1]) : null);
}

/** A record lookup split into Office.js phases so it shares syncs with other reads. */
export interface RecordLookup {
  /** After the first sync: queues the second read if one is needed; returns whether it did. */
  queueRead(): boolean;
  /** After the second sync (or the first, if queueRead returned false). */
  record(): MarkRecord | null;
  /** Queues writing (or with null, deleting) the record; no sync. */
  queueSave(record: MarkRecord | null): void;
}

/** Queues the first phase of the lookup in `context`. */
export function lookupRecord(context: Excel.RequestContext, caps: HostCapabilities): RecordLookup {
  if (caps.customXmlParts) return xmlLookup(context);
  if (caps.excelApiMinor >= 4) return settingsLookup(context);
  throw new HostError('当前 Excel 版本过旧（低于 ExcelApi 1.4），无法在工作簿中保存标记记录。');
}

function xmlLookup(context: Excel.RequestContext): RecordLookup {
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE).load('items/id');
  let xml: OfficeExtension.ClientResult<string> | null = null;
  return {
    queueRead() {
      if (!parts.items.length) return false;
      xml = parts.items[0].getXml();
      return true;
    },
    record: () => (xml ? recordFromXml(xml.value) : null),
    queueSave(record) {
      const [first, ...extra] = parts.items;
      extra.forEach((p) => p.delete());
      if (!record) first?.delete();
      else if (first) first.setXml(recordToXml(record));
      else context.workbook.customXmlParts.add(recordToXml(record));
    },
  };
}

function settingsLookup(context: Excel.RequestContext): RecordLookup {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  return {
    queueRead: () => false,
    record: () => (setting.isNullObject ? null : parseRecord(String(setting.value))),
    queueSave(record) {
      if (record) context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(record));
      else if (!setting.isNullObject) setting.delete();
    },
  };
}
