// Workbook-level proxies: the workbook itself, custom XML parts, settings, application.
import { FakeClientResult, FakeCollection, FakeObject, type PropDef } from './client-object';
import type { FakeRequestContext } from './context';
import { FakeExcelError, notFound } from './errors';
import type { DocumentModel, XmlPartModel } from './model';
import { FakeCommentCollection, FakeNoteCollection } from './annotations';
import { FakeRange } from './range';
import { FakeWorksheetCollection } from './worksheet';

function rootNamespace(xml: string): string {
  const m = /<(?:[\w.-]+:)?[\w.-]+\s[^>]*?xmlns(?::[\w.-]+)?\s*=\s*"([^"]*)"/.exec(xml);
  return m ? m[1] : '';
}

function checkXml(xml: string): void {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<[\w:.-]+[\s\S]*>\s*$/.test(xml)) {
    throw new FakeExcelError('InvalidArgument', 'The XML is not well formed.');
  }
}

export class FakeCustomXmlPart extends FakeObject<XmlPartModel> implements Pick<Excel.CustomXmlPart, 'id' | 'namespaceUri'> {
  protected props(): Record<string, PropDef<XmlPartModel>> {
    return { id: { read: (p) => p.id }, namespaceUri: { read: (p) => p.namespaceUri } };
  }
  get id(): string {
    return this.get('id');
  }
  get namespaceUri(): string {
    return this.get('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    return this.callResult('getXml', [], 5, (p) => p.xml);
  }
  setXml(xml: string): void {
    this.call('setXml', [xml], 5, (p) => {
      checkXml(xml);
      p.xml = xml;
      p.namespaceUri = rootNamespace(xml);
      this.context.host.doc.touch('customXml');
    });
  }
  delete(): void {
    this.call('delete', [], 5, (p) => {
      const list = this.context.host.doc.xmlParts;
      list.splice(list.indexOf(p), 1);
      this.context.host.doc.touch('customXml');
    });
  }
}

/** The whole collection (namespace null) or the parts of one namespace. */
export class FakeCustomXmlPartCollection extends FakeCollection<XmlPartModel, FakeCustomXmlPart> {
  constructor(context: FakeRequestContext, path: string, private readonly namespace: string | null = null) {
    super(context, path, () => {
      context.requireApi(5, 'customXmlParts');
      return context.host.doc.xmlParts.filter((p) => namespace === null || p.namespaceUri === namespace);
    });
  }
  protected makeItem(p: XmlPartModel): FakeCustomXmlPart {
    return this.part(`getItem(${p.id})`, (list) => list.find((x) => x.id === p.id) ?? null);
  }
  private part(segment: string, pick: (list: XmlPartModel[]) => XmlPartModel | null, nullable = false, required = false): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      this.sub(segment),
      () => {
        const p = pick(this.target());
        if (!p && required) throw notFound(segment);
        return p;
      },
      nullable
    );
  }
  add(xml: string): FakeCustomXmlPart {
    let id = '';
    this.call('add', [xml], 5, () => {
      checkXml(xml);
      id = this.context.host.doc.newId('{xml-') + '}';
      this.context.host.doc.xmlParts.push({ id, namespaceUri: rootNamespace(xml), xml });
      this.context.host.doc.touch('customXml');
    });
    return this.part('add()', (list) => list.find((x) => x.id === id) ?? null, false, true);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, this.sub(`getByNamespace(${namespaceUri})`), namespaceUri);
  }
  getItem(id: string): FakeCustomXmlPart {
    return this.part(`getItem(${id})`, (list) => list.find((x) => x.id === id) ?? null, false, true);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this.part(`getItemOrNullObject(${id})`, (list) => list.find((x) => x.id === id) ?? null, true);
  }
  /** Scoped collections only: exactly one part, else an error (or null object). */
  getOnlyItem(): FakeCustomXmlPart {
    return this.part('getOnlyItem()', (list) => this.only(list), false, true);
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this.part('getOnlyItemOrNullObject()', (list) => this.only(list), true);
  }
  private only(list: XmlPartModel[]): XmlPartModel | null {
    if (list.length > 1) throw new FakeExcelError('InvalidOperation', 'The collection contains more than one item.');
    return list[0] ?? null;
  }
}

interface SettingTarget {
  key: string;
  doc: DocumentModel;
}

export class FakeSetting extends FakeObject<SettingTarget> implements Pick<Excel.Setting, 'key' | 'value'> {
  protected props(): Record<string, PropDef<SettingTarget>> {
    return {
      key: { read: (t) => t.key },
      value: { read: (t) => JSON.parse(t.doc.settings.get(t.key) as string) as unknown },
    };
  }
  get key(): string {
    return this.get('key');
  }
  // `any` mirrors Excel.Setting.value: settings hold any JSON value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.get('value');
  }
  set value(v: unknown) {
    this.setProp('value', v, (t) => {
      t.doc.settings.set(t.key, JSON.stringify(v));
      t.doc.touch('settings');
    });
  }
  delete(): void {
    this.call('delete', [], 4, (t) => {
      t.doc.settings.delete(t.key);
      t.doc.touch('settings');
    });
  }
}

export class FakeSettingCollection extends FakeCollection<SettingTarget, FakeSetting> {
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => {
      context.requireApi(4, 'settings');
      const doc = context.host.doc;
      return [...doc.settings.keys()].map((key) => ({ key, doc }));
    });
  }
  protected makeItem(t: SettingTarget): FakeSetting {
    return this.setting(t.key, false);
  }
  private setting(key: string, nullable: boolean, required = false): FakeSetting {
    return new FakeSetting(
      this.context,
      this.sub(`getItem(${key})`),
      () => {
        const found = this.target().find((t) => t.key === key) ?? null;
        if (!found && required) throw notFound(`setting ${key}`);
        return found;
      },
      nullable
    );
  }
  add(key: string, value: unknown): FakeSetting {
    this.call('add', [key, value], 4, () => {
      this.context.host.doc.settings.set(key, JSON.stringify(value));
      this.context.host.doc.touch('settings');
    });
    return this.setting(key, false, true);
  }
  getItem(key: string): FakeSetting {
    return this.setting(key, false, true);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return this.setting(key, true);
  }
}

export class FakeApplication extends FakeObject<DocumentModel> {
  protected props(): Record<string, PropDef<DocumentModel>> {
    return {};
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], 9, () => undefined);
  }
}

export class FakeWorkbookProxy extends FakeObject<DocumentModel> implements Pick<Excel.Workbook, 'name'> {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly settings: FakeSettingCollection;
  readonly comments: FakeCommentCollection;
  readonly notes: FakeNoteCollection;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook', () => context.host.doc);
    this.worksheets = new FakeWorksheetCollection(context, 'workbook.worksheets');
    this.application = new FakeApplication(context, 'application', () => context.host.doc);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, 'workbook.customXmlParts');
    this.settings = new FakeSettingCollection(context, 'workbook.settings');
    this.comments = new FakeCommentCollection(context, 'workbook.comments', () => null);
    this.notes = new FakeNoteCollection(context, 'workbook.notes', () => null);
  }

  protected props(): Record<string, PropDef<DocumentModel>> {
    return { name: { read: (d) => d.name, minor: 7 } };
  }

  get name(): string {
    return this.get('name');
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, 'workbook.getSelectedRange()', () => {
      const { doc } = this.context.host;
      const sel = doc.selection;
      const sheet = sel && doc.sheetById(sel.sheetId);
      if (!sel || !sheet) throw new FakeExcelError('InvalidSelection', 'Nothing is selected.');
      return { sheet, rect: { ...sel.range } };
    });
  }
}
