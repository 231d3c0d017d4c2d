// Command-line parsing for `budget-check` (REPORT-FORMAT.md). Usage errors are typed.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CheckArgs {
  command: 'check';
  files: string[];
  json: boolean;
  annotate: string | null;
  tolerance: string;
  jobs: number;
  lang: 'zh' | 'en';
}

export interface HelpArgs {
  command: 'help';
}

export type Args = CheckArgs | HelpArgs;

export const USAGE = `用法：
  budget-check check <文件.xlsx>... [--json] [--annotate <目录>] [--tolerance auto|<数字>] [--jobs <n>] [--lang zh|en]
退出码：0 无错误；1 发现错误；2 输入无法读取或用法错误`;

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'check') throw new UsageError(`未知命令：${command}（可用：check）`);
  const out: CheckArgs = { command: 'check', files: [], json: false, annotate: null, tolerance: 'auto', jobs: 1, lang: 'zh' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} 需要一个参数`);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--annotate') out.annotate = value();
    else if (a === '--tolerance') {
      out.tolerance = value();
      if (out.tolerance !== 'auto' && !/^\d+(\.\d+)?$/.test(out.tolerance)) throw new UsageError(`--tolerance 应为 auto 或非负数字：${out.tolerance}`);
    } else if (a === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs 应为正整数');
      out.jobs = n;
    } else if (a === '--lang') {
      const l = value();
      if (l !== 'zh' && l !== 'en') throw new UsageError('--lang 应为 zh 或 en');
      out.lang = l;
    } else if (a.startsWith('--')) throw new UsageError(`未知选项：${a}`);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new UsageError('请指定至少一个 .xlsx 文件');
  return out;
}
