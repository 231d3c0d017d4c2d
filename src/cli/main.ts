// `budget-check` command line: read .xlsx files, run the engine, print or annotate.
// Bad input ends with one Chinese line on stderr and exit code 2 — never a stack trace.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook, OptionError } from '../engine/index';
import type { Report } from '../engine/report';
import { isInputError } from '../io/errors';
import { writeAnnotatedCopy } from '../io/xlsx-annotate';
import { readWorkbookFile } from '../io/xlsx-read';
import { parseArgs, USAGE, UsageError, type CheckArgs } from './args';
import { summary } from './summary';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

function annotatedName(file: string): string {
  return `${path.basename(file).replace(/\.xlsx$/i, '')}.checked.xlsx`;
}

async function checkOne(file: string, args: CheckArgs): Promise<{ report: Report; annotated: string | null }> {
  const workbook = await readWorkbookFile(file);
  const report = checkWorkbook(workbook, { tolerance: args.tolerance });
  let annotated: string | null = null;
  if (args.annotate) {
    mkdirSync(args.annotate, { recursive: true });
    annotated = path.join(args.annotate, annotatedName(file));
    if (path.resolve(annotated) === path.resolve(file)) throw new UsageError('标注副本不能覆盖输入文件，请换一个 --annotate 目录');
    await writeAnnotatedCopy(file, annotated, report.findings);
  }
  return { report, annotated };
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    const results: { report: Report; annotated: string | null }[] = [];
    for (const file of args.files) results.push(await checkOne(file, args));
    if (args.json) {
      const reports = results.map((r) => r.report);
      io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    } else {
      io.out(results.map((r) => summary(r.report, args.lang, r.annotated)).join('\n\n'));
    }
    return results.some((r) => r.report.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof OptionError) {
      io.err(`用法错误：${e.message}\n${USAGE}`);
      return 2;
    }
    if (isInputError(e)) {
      io.err(e.message);
      return 2;
    }
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(`无法完成检查：${detail}`);
    return 2;
  }
}
