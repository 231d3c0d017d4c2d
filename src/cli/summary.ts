// The readable (non-JSON) report: tables recognized and findings, in Chinese or English.
import type { Report, Severity } from '../engine/report';
import { typeName } from '../engine/specs';

const SEV: Record<'zh' | 'en', Record<Severity, string>> = {
  zh: { error: '错误', rounding: '尾差', warning: '警告', info: '提示' },
  en: { error: 'error', rounding: 'rounding', warning: 'warning', info: 'info' },
};

export function summary(report: Report, lang: 'zh' | 'en', annotated: string | null): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(zh ? `文件：${report.file}` : `File: ${report.file}`);
  lines.push(zh ? `识别到 ${report.tables.length} 张表：` : `${report.tables.length} tables recognized:`);
  for (const t of report.tables) {
    const name = zh ? typeName(t.type) : t.type;
    lines.push(`  ${t.id.padEnd(4)} ${t.sheet}!${t.range}  ${name}  ${zh ? '单位' : 'unit'} ${t.unit}  ${zh ? '置信度' : 'confidence'} ${t.confidence.toFixed(2)}`);
  }
  const counts = { error: 0, rounding: 0, warning: 0, info: 0 } as Record<Severity, number>;
  for (const f of report.findings) counts[f.severity]++;
  const sev = SEV[lang];
  lines.push(
    zh
      ? `发现：${sev.error} ${counts.error} 处，${sev.rounding} ${counts.rounding} 处，${sev.warning} ${counts.warning} 处，${sev.info} ${counts.info} 处`
      : `Findings: ${counts.error} errors, ${counts.rounding} rounding, ${counts.warning} warnings, ${counts.info} info`
  );
  for (const f of report.findings) lines.push(`  [${sev[f.severity]}] ${f.sheet}!${f.cell}  ${f.message}`);
  if (annotated) lines.push(zh ? `已写出标注副本：${annotated}` : `Annotated copy written: ${annotated}`);
  return lines.join('\n');
}
