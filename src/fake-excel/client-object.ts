// Base of every fake proxy. A proxy knows how to find its target in the document at sync time
// (locate), caches only what a completed sync loaded, and queues every read, write and call.
import type { FakeRequestContext, Loaded } from './context';
import { FakeExcelError, notLoaded } from './errors';

export type LoadSpec = string | string[] | { select?: string | string[] };

export interface PropDef<T> {
  read(target: T): unknown;
  /** ExcelApi minor version that introduced the property. */
  minor?: number;
}

export function parseLoadSpec(spec: LoadSpec | undefined): string[] {
  if (spec === undefined) return [];
  const raw = typeof spec === 'string' || Array.isArray(spec) ? spec : spec.select ?? [];
  const list = typeof raw === 'string' ? raw.split(',') : raw.flatMap((s) => s.split(','));
  return list.map((s) => s.trim().replace(/\./g, '/')).filter(Boolean);
}

/** Groups "a/b", "a/c", "d" into {a: ["b","c"], d: []}. */
function groupPaths(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    const g = groups.get(head) ?? [];
    if (rest.length) g.push(rest.join('/'));
    groups.set(head, g);
  }
  return groups;
}

export abstract class FakeObject<T> {
  private readonly cache = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    readonly path: string,
    private readonly locate: () => T | null,
    nullable = false
  ) {
    if (nullable) {
      context.enqueue({
        describe: { op: 'resolve', path },
        exec: () => {
          const isNull = this.locate() === null;
          return { payload: { isNull }, apply: () => (this.nullState = isNull) };
        },
      });
    } else this.nullState = false;
  }

  protected abstract props(): Record<string, PropDef<T>>;

  /** Child proxies reachable by a load path ("format/fill/color"). */
  protected nav(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** The target at sync time; operating on a null object is an error. */
  target(): T {
    const t = this.locate();
    if (t === null) throw new FakeExcelError('InvalidOperation', `${this.path} is a null object.`, this.path);
    return t;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoadSpec(spec);
    this.context.enqueue({ describe: { op: 'load', path: this.path, select: paths }, exec: () => this.collect(paths) });
    return this;
  }

  /** Runs at sync time: reads the requested properties (all scalars if none named). */
  collect(paths: string[]): Loaded {
    const t = this.locate();
    if (t === null) return { payload: null, apply: () => undefined };
    const defs = this.props();
    const groups = paths.length
      ? groupPaths(paths)
      : new Map(
          Object.entries(defs)
            .filter(([, d]) => (d.minor ?? 1) <= this.context.host.apiMinor)
            .map(([k]) => [k, [] as string[]])
        );
    const payload: Record<string, unknown> = {};
    const applies: (() => void)[] = [];
    for (const [head, rest] of groups) {
      const def = defs[head];
      if (def) {
        this.context.requireApi(def.minor ?? 1, `${this.constructor.name}.${head}`);
        const value = def.read(t);
        payload[head] = value;
        applies.push(() => this.cache.set(head, value));
        continue;
      }
      const child = this.nav(head);
      if (!child) throw new FakeExcelError('InvalidArgument', `Unknown property '${head}' on ${this.path}.`, head);
      const loaded = child.collect(rest);
      payload[head] = loaded.payload;
      applies.push(loaded.apply);
    }
    return { payload, apply: () => applies.forEach((a) => a()) };
  }

  protected get<V>(name: string): V {
    if (!this.cache.has(name)) throw notLoaded(name);
    return this.cache.get(name) as V;
  }

  /** Queues a property write; the local copy reads back at once, as in Office.js. */
  protected setProp(name: string, value: unknown, apply: (t: T) => void, minor = 1): void {
    this.cache.set(name, value);
    this.context.enqueue({
      describe: { op: 'set', path: this.path, name, value },
      exec: () => {
        this.context.requireApi(minor, `${this.constructor.name}.${name}`);
        apply(this.target());
      },
    });
  }

  /** Queues a method call without a result. */
  protected call(name: string, args: unknown[], minor: number, run: (t: T) => void): void {
    this.context.enqueue({
      describe: { op: 'call', path: this.path, name, args },
      exec: () => {
        this.context.requireApi(minor, `${this.constructor.name}.${name}`);
        run(this.target());
      },
    });
  }

  /** Queues a method call whose value arrives with the sync (ClientResult). */
  protected callResult<R>(name: string, args: unknown[], minor: number, run: (t: T) => R): FakeClientResult<R> {
    const result = new FakeClientResult<R>();
    this.context.enqueue({
      describe: { op: 'call', path: this.path, name, args },
      exec: () => {
        this.context.requireApi(minor, `${this.constructor.name}.${name}`);
        const value = run(this.target());
        return { payload: value, apply: () => result.resolve(value) };
      },
    });
    return result;
  }

  /** Child path for a proxy derived from this one. */
  protected sub(segment: string): string {
    return `${this.path}.${segment}`;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.cache);
  }
}

export class FakeClientResult<R> {
  private state: { value: R } | null = null;
  get value(): R {
    if (!this.state) throw notLoaded('value');
    return this.state.value;
  }
  resolve(value: R): void {
    this.state = { value };
  }
}

/** A collection proxy: `items` exists only after load + sync. */
export abstract class FakeCollection<T, P extends FakeObject<T>> extends FakeObject<T[]> {
  private loadedItems: P[] | null = null;

  protected abstract makeItem(item: T): P;

  protected props(): Record<string, PropDef<T[]>> {
    return {};
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  override collect(paths: string[]): Loaded {
    const list = this.target();
    const proxies = list.map((t) => this.makeItem(t));
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const loaded = proxies.map((p) => p.collect(itemPaths));
    return {
      payload: { items: loaded.map((l) => l.payload) },
      apply: () => {
        this.loadedItems = proxies;
        loaded.forEach((l) => l.apply());
      },
    };
  }

  getCount(): FakeClientResult<number> {
    return this.callResult('getCount', [], 1, (list) => list.length);
  }
}
