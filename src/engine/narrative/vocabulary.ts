// The figure names the 说明 text uses, each mapped to the canonical subject (text.key form)
// that FigureIndex.find is asked for. Patterns run on prose that went through `prose()`:
// NFKC (full-width brackets and punctuation → ASCII), quotes and spaces removed.

/** income/expense decide which figures a "其中" child may stand for under its parent. */
export type Family = 'income' | 'expense' | 'both' | 'three' | 'other';

export interface Subject {
  /** Canonical names; 收支 phrases name two figures ("收支总计" → 收入总计, 支出总计). */
  names: string[];
  family: Family;
  /** Name tried when the index lacks the scoped one (一般公共预算基本支出 → 基本支出). */
  fallback?: string;
  /** Function-classification path of a 项 line ("卫生健康(类)…(款)行政运行(项)"). */
  path?: string[];
}

interface Entry {
  re: RegExp;
  /** null: a known phrase that is no table figure (会议费, 外宾接待支出): it stops a wrong shorter match. */
  subject: (match: string) => Subject | null;
}

function e(pattern: string, names: string[] | null, family: Family = 'other', fallback?: string): Entry {
  const subject: Subject | null = names ? { names, family, fallback } : null;
  return { re: new RegExp(pattern, 'g'), subject: () => subject };
}

/** 类 of the function classification, as the summary tables list them. */
const CLASSES = [
  '一般公共服务', '外交', '国防', '公共安全', '教育', '科学技术', '文化旅游体育与传媒', '文化体育与传媒',
  '社会保障和就业', '社会保险基金', '卫生健康', '医疗卫生与计划生育', '节能环保', '城乡社区', '农林水',
  '交通运输', '资源勘探工业信息等', '资源勘探信息等', '商业服务业等', '金融', '援助其他地区',
  '自然资源海洋气象等', '住房保障', '粮油物资储备', '灾害防治及应急管理', '债务还本', '债务付息',
];

const ENTRIES: Entry[] = [
  e('收入总计|预算收入总计|收入总预算|收入预算|预算收入', ['收入总计'], 'income'),
  e('支出总计|支出总预算|支出预算|预算支出', ['支出总计'], 'expense'),
  e('收支总计|收支总预算', ['收入总计', '支出总计'], 'both'),
  e('(本年)?收入合计|本年收入', ['收入合计'], 'income'),
  e('(本年)?支出合计|本年支出', ['支出合计'], 'expense'),
  e('上年结转(结余|收入|资金)?|年初结转和结余', ['上年结转'], 'income'),
  e('年末结转和?结余|年终结转结余', ['年末结转结余'], 'expense'),
  e('一般公共预算(拨款)?收入|一般公共预算(当年)?(财政)?拨款(收入)?', ['一般公共预算收入'], 'income'),
  e('政府性基金(预算)?(拨款)?收入|政府性基金预算拨款', ['政府性基金预算收入'], 'income'),
  e('国有资本经营预算(拨款)?收入|国有资本经营预算拨款', ['国有资本经营预算收入'], 'income'),
  e('财政拨款收入', ['财政拨款收入'], 'income'),
  e('财政专户管理资金(收入)?', ['财政专户管理资金收入'], 'income'),
  e('事业收入', ['事业收入'], 'income'),
  e('(事业单位)?经营收入', ['事业单位经营收入'], 'income'),
  e('上级补助收入', ['上级补助收入'], 'income'),
  e('附属单位上缴收入', ['附属单位上缴收入'], 'income'),
  e('其他收入', ['其他收入'], 'income'),
  e('一般公共预算收支(预算)?', ['一般公共预算收入', '一般公共预算支出'], 'both'),
  e('政府性基金(预算)?收支(预算)?', ['政府性基金预算收入', '政府性基金预算支出'], 'both'),
  e('国有资本经营预算收支(预算)?', ['国有资本经营预算收入', '国有资本经营预算支出'], 'both'),
  e('财政拨款收支(总计|总预算|预算)', ['财政拨款收入总计', '财政拨款支出总计'], 'both'),
  e('一般公共预算(财政)?(拨款)?支出', ['一般公共预算支出'], 'expense'),
  e('政府性基金预算(财政)?(拨款)?支出', ['政府性基金预算支出'], 'expense'),
  e('国有资本经营预算(财政)?(拨款)?支出', ['国有资本经营预算支出'], 'expense'),
  e('基本支出', ['基本支出'], 'expense'),
  e('一般公共预算(财政)?(拨款)?基本支出', ['一般公共预算基本支出'], 'expense', '基本支出'),
  e('项目支出', ['项目支出'], 'expense'),
  e('人员经费(支出)?', ['人员经费'], 'expense'),
  e('(日常)?公用经费(支出)?', ['公用经费'], 'expense'),
  e('(事业单位)?经营支出', ['事业单位经营支出'], 'expense'),
  e('上缴上级支出', ['上缴上级支出'], 'expense'),
  e('对附属单位补助支出', ['对附属单位补助支出'], 'expense'),
  {
    re: new RegExp(`(${CLASSES.join('|')})(事务)?支出(\\(类\\))?`, 'g'),
    subject: (m) => ({ names: [`${CLASSES.find((c) => m.startsWith(c)) ?? m}支出`], family: 'expense' }),
  },
  e('三公经费(财政拨款)?(支出)?', ['三公经费'], 'three'),
  e('因公出国\\(?境\\)?(经)?费(支出)?', ['因公出国境费'], 'three'),
  e('公务接待费(支出)?|公务接待支出', ['公务接待费'], 'three'),
  e('(外宾|国内公务)接待(费|支出)', null),
  e('公务用车购置及运行(维护)?费(支出)?', ['公务用车购置及运行费'], 'three'),
  e('公务用车购置费(支出)?|公务用车购置支出', ['公务用车购置费'], 'three'),
  e('公务用车运行(维护)?费(支出)?|公务用车运行(维护)?支出', ['公务用车运行维护费'], 'three'),
  e('机关运行经费(财政拨款)?(支出)?', ['机关运行经费'], 'other'),
  e('(预算安排)?政府采购(支出|预算)?', ['政府采购'], 'other'),
  e('政府采购货物(支出|预算)?|货物类采购(预算|支出)?', ['政府采购货物'], 'other'),
  e('政府采购工程(支出|预算)?|工程类采购(预算|支出)?', ['政府采购工程'], 'other'),
  e('政府采购服务(支出|预算)?|服务类采购(预算|支出)?', ['政府采购服务'], 'other'),
  e('会议费|培训费|授予(中小|小微)企业合同金额|项目(全年)?预算合计|(单位)?资金总额|支出总额', null),
  // "…项目3个，涉及一般公共预算当年拨款4597.04万元": money a 绩效 statement covers, no table figure.
  e('涉及[^,;:]*', null),
];

/** What may follow a name before its amount: "年初预算为", "支出决算数", "2024年预算". */
const FILLER = /^(?:\d{4}年度?|年初|全年|预算|决算|安排|数|总额|金额|为|是|共|均|各|达|约)*$/;

const ITEM = /([^\d,;:。()]+?)\(项\)/;
const ITEM_PATH = /([^\d,;:。()]+?)\(类\)([^\d,;:。()]+?)\(款\)([^\d,;:。()]+?)\(项\)/;

/**
 * The subject a phrase ends with: among vocabulary matches followed by filler only
 * ("项目支出" + "预算"), the one that ends first, the longest on a tie. undefined = no figure name; null = a known non-figure.
 */
export function resolveSubject(phrase: string): Subject | null | undefined {
  const s = phrase.replace(/\*/g, '');
  const path = ITEM_PATH.exec(s);
  if (path) return { names: [path[3]], family: 'expense', path: [path[1], path[2], path[3]] };
  const item = ITEM.exec(s);
  if (item) return { names: [item[1].replace(/^\d+\./, '')], family: 'expense', path: [item[1]] };
  let best: { end: number; len: number; subject: Subject | null } | undefined;
  for (const entry of ENTRIES) {
    entry.re.lastIndex = 0;
    for (let m = entry.re.exec(s); m; m = entry.re.exec(s)) {
      entry.re.lastIndex = m.index + 1; // overlapping: "预算支出总计" holds 预算支出 and 支出总计
      if (m[0] === '') continue;
      const end = m.index + m[0].length;
      if (!FILLER.test(s.slice(end))) continue;
      if (best && (end > best.end || (end === best.end && m[0].length <= best.len))) continue;
      best = { end, len: m[0].length, subject: entry.subject(m[0]) };
    }
  }
  return best?.subject;
}

/** Structural parent of a figure when the sentence names none (三公 items → 三公经费). */
export const STRUCTURAL_PARENT: Record<string, string> = {
  因公出国境费: '三公经费',
  公务接待费: '三公经费',
  公务用车购置及运行费: '三公经费',
  公务用车购置费: '公务用车购置及运行费',
  公务用车运行维护费: '公务用车购置及运行费',
  基本支出: '支出合计',
  项目支出: '支出合计',
  人员经费: '基本支出',
  事业单位经营支出: '支出合计',
  上缴上级支出: '支出合计',
  对附属单位补助支出: '支出合计',
  公用经费: '基本支出',
};
