// Row-label ordinals and text folding, table-driven. The ordinal reader rejects a label on its
// first character before NFKC, so the cases include markers that only NFKC turns into one.
// Body-word patterns stay Chinese (classify skips ASCII texts).
import { bareLabel, isAscii, isBlank, key, norm, parseOrdinal } from '../../src/engine/text';
import { BODY_WORD_PATTERNS } from '../../src/engine/classify';

const ORDINALS: [string, { level: number; number: number; rest: string } | null][] = [
  ['一、一般公共服务支出', { level: 1, number: 1, rest: '一般公共服务支出' }],
  ['十二、住房保障支出', { level: 1, number: 12, rest: '住房保障支出' }],
  ['（一）基本支出', { level: 2, number: 1, rest: '基本支出' }],
  ['(三)项目支出', { level: 2, number: 3, rest: '项目支出' }],
  ['1.行政运行', { level: 3, number: 1, rest: '行政运行' }],
  ['（2）事业运行', { level: 3, number: 2, rest: '事业运行' }],
  ['㈠基本支出', { level: 2, number: 1, rest: '基本支出' }],
  ['⑴行政运行', { level: 3, number: 1, rest: '行政运行' }],
  ['⒉事业运行', { level: 3, number: 2, rest: '事业运行' }],
  ['⼀、一般公共服务支出', { level: 1, number: 1, rest: '一般公共服务支出' }],
  ['\ufeff二、教育支出', { level: 1, number: 2, rest: '教育支出' }],
  ['\u2003三、科学技术支出', { level: 1, number: 3, rest: '科学技术支出' }],
  ['１．行政运行', { level: 3, number: 1, rest: '行政运行' }],
  ['行政运行', null],
  ['2023年预算', null],
  ['A.行政运行', null],
  ['', null],
];

describe('parseOrdinal', () => {
  test.each(ORDINALS)('%s', (label, expected) => {
    expect(parseOrdinal(label)).toEqual(expected);
  });
});

describe('folding', () => {
  test.each([
    ['收 入 总 计', '收入总计'],
    ['（一）基本支出', '(一)基本支出'],
    ['“三公”经费', '三公经费'],
    ['行政运行', '行政运行'],
  ])('norm(%s) = %s', (text, folded) => expect(norm(text)).toBe(folded));

  test.each([
    ['政府办公厅（室）及相关机构事务', '政府办公厅室及相关机构事务'],
    ['单位：万元', '单位万元'],
    ['合计', '合计'],
  ])('key(%s) = %s', (text, k) => {
    // Twice: the punctuation test must not carry state from one call to the next.
    expect(key(text)).toBe(k);
    expect(key(text)).toBe(k);
  });

  test('bareLabel drops the ordinal and 其中', () => {
    expect(bareLabel('（一）其中：基本支出')).toBe('基本支出');
  });

  test.each([['', true], [' \u3000\t', true], ['\ufeff', true], [' a ', false]])('isBlank(%j) = %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });
});

describe('body words', () => {
  // classify.bodyTexts looks up only texts with a non-ASCII character: a pattern that could
  // match an ASCII text (a code, "KPI") would never be asked.
  test('every alternative of every body-word pattern needs a Chinese character', () => {
    for (const re of BODY_WORD_PATTERNS) {
      for (const alt of re.source.replace(/[()^$]|\?:/g, '').split('|')) expect(isAscii(alt)).toBe(false);
    }
  });
  test('isAscii', () => {
    expect(isAscii('2080505')).toBe(true);
    expect(isAscii('')).toBe(true);
    expect(isAscii('KPI')).toBe(true);
    expect(isAscii('分值')).toBe(false);
    expect(isAscii('２０８')).toBe(false);
  });
});
