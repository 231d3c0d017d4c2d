'use strict';
/*
 * Structural checks of the add-in manifest that the 2019-era XSDs do not make:
 * GUID Id, https URLs under one base, icon files and pixel sizes, requirement floor,
 * permissions, ribbon button, resource ids. Each finding has a line, a check id and a
 * Chinese / English message.
 */

const path = require('path');
const { readPngSize } = require('./png');
const { attr, attrNode, child, children, descendants, qnameLocal } = require('./xml');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const DEFAULT_BASE = 'https://localhost:3000/';
/** Highest ExcelApi floor allowed: Office LTSC 2021 supports up to 1.14. */
const MAX_EXCEL_FLOOR = '1.14';
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Ids that must not be reused: nil GUID and the Yo Office template's Id. */
const FORBIDDEN_IDS = new Set([
  '00000000-0000-0000-0000-000000000000',
  '05c2e1c9-3e1d-406e-9a91-e9ac64854143',
]);
const LOOKS_LIKE_URL = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\S*$/;

/** Icon sizes the docs require for the top-level icons of a task pane add-in. */
const TOP_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** Which resource collection a `resid` on an element of this local name must point into. */
const RESID_KIND = {
  Image: 'Images',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  FunctionFile: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

/** Path relative to the working directory when inside it, else absolute. */
function displayPath(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let k = 0; k < Math.max(pa.length, pb.length); k++) {
    const d = (pa[k] || 0) - (pb[k] || 0);
    if (d) return d;
  }
  return 0;
}

/**
 * @param {import('./xml').XmlElement} root
 * @param {{ base?: string, root?: string }} options base: URL prefix every URL must start with;
 *   root: folder the URL paths map to (icons are looked up at root/<path after base>).
 * @returns {{ errors: Finding[], warnings: Finding[] }}
 * @typedef {{ line: number, id: string, zh: string, en: string }} Finding
 */
function runChecks(root, options = {}) {
  const base = options.base || DEFAULT_BASE;
  const fileRoot = options.root || process.cwd();
  const errors = [];
  const warnings = [];
  const err = (line, id, zh, en) => errors.push({ line, id, zh, en });
  const warn = (line, id, zh, en) => warnings.push({ line, id, zh, en });

  // ---- root ----------------------------------------------------------------------------
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    err(root.line, 'root', `根元素应为 ${NS.app} 命名空间中的 <OfficeApp>`,
      `root element must be <OfficeApp> in namespace ${NS.app}`);
    return { errors, warnings };
  }
  if (qnameLocal(attr(root, 'type', NS.xsi)) !== 'TaskPaneApp') {
    err(root.line, 'root', '<OfficeApp> 须声明 xsi:type="TaskPaneApp"',
      '<OfficeApp> must declare xsi:type="TaskPaneApp"');
  }
  const top = (name) => child(root, name, NS.app);

  // ---- Id ------------------------------------------------------------------------------
  const idEl = top('Id');
  if (!idEl) {
    err(root.line, 'id', '缺少 <Id>', 'missing <Id>');
  } else {
    const id = idEl.text.trim();
    if (!GUID_RE.test(id)) {
      err(idEl.line, 'id', `<Id> 不是 GUID：“${id}”`, `<Id> is not a GUID: "${id}"`);
    } else if (FORBIDDEN_IDS.has(id.toLowerCase())) {
      err(idEl.line, 'id', `<Id> 不能使用全零或模板自带的 GUID：${id}`,
        `<Id> must not be the nil GUID or the template's GUID: ${id}`);
    }
  }

  // ---- Hosts / element order -----------------------------------------------------------
  const hosts = top('Hosts');
  if (!hosts || !children(hosts, 'Host', NS.app).some((h) => attr(h, 'Name') === 'Workbook')) {
    err((hosts || root).line, 'host', '<Hosts> 中须有 <Host Name="Workbook"/>（Excel）',
      '<Hosts> must contain <Host Name="Workbook"/> (Excel)');
  }

  // ---- Requirements --------------------------------------------------------------------
  const reqs = top('Requirements');
  if (!reqs) {
    err(root.line, 'requirements',
      '缺少 <Requirements>：须声明 <Sets><Set Name="ExcelApi" MinVersion="..."/></Sets>，否则不支持的 Excel 也会加载本加载项',
      'missing <Requirements>: declare <Sets><Set Name="ExcelApi" MinVersion="..."/></Sets>, or Excel builds that cannot run the pane will load it');
  } else {
    const order = root.children.filter((c) => c.ns === NS.app).map((c) => c.local);
    const at = order.indexOf('Requirements');
    const hostsAt = order.indexOf('Hosts');
    const defAt = order.indexOf('DefaultSettings');
    if ((hostsAt >= 0 && at < hostsAt) || (defAt >= 0 && at > defAt)) {
      err(reqs.line, 'requirements-order',
        '<Requirements> 位置错误：须在 <Hosts> 之后、<DefaultSettings> 之前',
        '<Requirements> is misplaced: it must come after <Hosts> and before <DefaultSettings>');
    }
    const sets = child(reqs, 'Sets', NS.app);
    const excel = sets && children(sets, 'Set', NS.app).find((s) => attr(s, 'Name') === 'ExcelApi');
    if (!excel) {
      err((sets || reqs).line, 'requirements',
        '<Requirements><Sets> 中缺少 <Set Name="ExcelApi" MinVersion="..."/>',
        '<Requirements><Sets> lacks <Set Name="ExcelApi" MinVersion="..."/>');
    } else {
      const mv = attrNode(excel, 'MinVersion');
      const dv = attr(sets, 'DefaultMinVersion');
      const version = mv ? mv.value.trim() : dv !== undefined ? dv.trim() : '1.1';
      const line = mv ? mv.line : excel.line;
      if (!/^\d+\.\d+$/.test(version)) {
        err(line, 'requirements', `ExcelApi MinVersion 格式应为“主.次”（如 1.7），实际为“${version}”`,
          `ExcelApi MinVersion must look like "1.7", got "${version}"`);
      } else if (compareVersions(version, MAX_EXCEL_FLOOR) > 0) {
        err(line, 'requirements-floor',
          `ExcelApi MinVersion ${version} 过高：不得高于 ${MAX_EXCEL_FLOOR}（Office LTSC 2021 的上限），否则 Office LTSC 2021 上加载项不会出现（高于 1.17 时 LTSC 2024 也不会出现）；更高版本的功能请在运行时用 isSetSupported 检测`,
          `ExcelApi MinVersion ${version} is too high: it must be at most ${MAX_EXCEL_FLOOR} (the Office LTSC 2021 ceiling), or the add-in does not appear on Office LTSC 2021 (above 1.17 not on LTSC 2024 either); detect newer sets at runtime with isSetSupported`);
      } else if (compareVersions(version, '1.1') < 0) {
        err(line, 'requirements', `ExcelApi MinVersion ${version} 无效：最低为 1.1`,
          `ExcelApi MinVersion ${version} is invalid: the lowest set is 1.1`);
      }
    }
  }

  // ---- DefaultSettings / Permissions ---------------------------------------------------
  const ds = top('DefaultSettings');
  if (!ds || !child(ds, 'SourceLocation', NS.app)) {
    err((ds || root).line, 'default-settings', '缺少 <DefaultSettings><SourceLocation>',
      'missing <DefaultSettings><SourceLocation>');
  }
  const perm = top('Permissions');
  if (!perm) {
    err(root.line, 'permissions', '缺少 <Permissions>（应为 ReadWriteDocument）',
      'missing <Permissions> (must be ReadWriteDocument)');
  } else if (perm.text.trim() !== 'ReadWriteDocument') {
    err(perm.line, 'permissions',
      `<Permissions> 应为 ReadWriteDocument（加载项要在工作簿中写入标注），实际为“${perm.text.trim()}”`,
      `<Permissions> must be ReadWriteDocument (the add-in writes marks into the workbook), got "${perm.text.trim()}"`);
  }

  // ---- Resources -----------------------------------------------------------------------
  const vo = top('VersionOverrides') || child(root, 'VersionOverrides', NS.ov);
  const resources = vo ? child(vo, 'Resources', NS.ov) : undefined;
  /** @type {Map<string, {kind: string, el: any}>} */
  const defined = new Map();
  const used = new Set();
  if (resources) {
    for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
      const coll = child(resources, kind, NS.bt);
      if (!coll) continue;
      for (const item of coll.children) {
        const rid = attr(item, 'id');
        if (rid === undefined) continue;
        if (defined.has(rid)) {
          err(item.line, 'resid-duplicate', `资源 id “${rid}” 重复定义（第 ${defined.get(rid).el.line} 行已定义）`,
            `resource id "${rid}" is defined twice (first on line ${defined.get(rid).el.line})`);
        } else {
          defined.set(rid, { kind, el: item });
        }
      }
    }
  }
  if (vo) {
    for (const el of descendants(vo)) {
      const ridNode = attrNode(el, 'resid');
      if (!ridNode) continue;
      const rid = ridNode.value;
      used.add(rid);
      const want = RESID_KIND[el.local];
      const def = defined.get(rid);
      if (!def) {
        err(ridNode.line, 'resid-undefined',
          `<${el.name}> 引用的资源 id “${rid}” 未在 <Resources>${want ? ` 的 <bt:${want}>` : ''} 中定义`,
          `<${el.name}> references resource id "${rid}", which is not defined in <Resources>${want ? ` <bt:${want}>` : ''}`);
      } else if (want && def.kind !== want) {
        err(ridNode.line, 'resid-kind',
          `<${el.name}> 引用的“${rid}”应定义在 <bt:${want}> 中，实际在 <bt:${def.kind}> 中`,
          `<${el.name}> references "${rid}", which must be in <bt:${want}> but is in <bt:${def.kind}>`);
      }
    }
    for (const [rid, def] of defined) {
      if (!used.has(rid)) {
        warn(def.el.line, 'resid-unused', `资源 id “${rid}” 已定义但未被引用`, `resource id "${rid}" is defined but never used`);
      }
    }
  }
  const stringOf = (rid) => {
    const def = defined.get(rid);
    return def ? attr(def.el, 'DefaultValue') : undefined;
  };

  // ---- Ribbon button -------------------------------------------------------------------
  if (!vo) {
    err(root.line, 'button', '缺少 <VersionOverrides>：功能区“开始”选项卡上没有打开窗格的按钮',
      'missing <VersionOverrides>: there is no ribbon button on the Home tab to open the pane');
  } else {
    const buttons = descendants(vo, 'Control').filter((c) => qnameLocal(attr(c, 'type', NS.xsi)) === 'Button');
    if (!buttons.length) {
      err(vo.line, 'button', '<VersionOverrides> 中没有按钮（<Control xsi:type="Button">）',
        'no button (<Control xsi:type="Button">) in <VersionOverrides>');
    }
    for (const b of buttons) {
      const label = child(b, 'Label', NS.ov);
      const rid = label && attr(label, 'resid');
      const text = rid !== undefined ? stringOf(rid) : undefined;
      if (!label || rid === undefined) {
        err(b.line, 'button-label', `按钮 “${attr(b, 'id')}” 缺少 <Label resid="..."/>`,
          `button "${attr(b, 'id')}" has no <Label resid="..."/>`);
      } else if (defined.has(rid) && !(text && text.trim())) {
        err(label.line, 'button-label', `按钮 “${attr(b, 'id')}” 的标签文字为空`,
          `button "${attr(b, 'id')}" has an empty label`);
      }
      const action = child(b, 'Action', NS.ov);
      if (!action) {
        err(b.line, 'button-action', `按钮 “${attr(b, 'id')}” 缺少 <Action>`, `button "${attr(b, 'id')}" has no <Action>`);
      } else if (qnameLocal(attr(action, 'type', NS.xsi)) === 'ShowTaskpane' && !child(action, 'SourceLocation', NS.ov)) {
        err(action.line, 'button-action', 'ShowTaskpane 动作缺少 <SourceLocation resid="..."/>',
          'ShowTaskpane action has no <SourceLocation resid="..."/>');
      }
    }
    const vHost = descendants(vo, 'Host').find((h) => qnameLocal(attr(h, 'type', NS.xsi)) === 'Workbook');
    if (!vHost) {
      err(vo.line, 'host', '<VersionOverrides><Hosts> 中须有 <Host xsi:type="Workbook">',
        '<VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">');
    }
  }

  // ---- URLs ----------------------------------------------------------------------------
  /** @type {Array<{ value: string, line: number, where: string, iconSize?: number }>} */
  const urls = [];
  const addSetting = (el, where, iconSize) => {
    for (const a of [attrNode(el, 'DefaultValue'), ...el.children.filter((c) => c.local === 'Override').map((o) => attrNode(o, 'Value'))]) {
      if (a) urls.push({ value: a.value, line: a.line, where, iconSize });
    }
  };
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = top(name);
    if (el) addSetting(el, `<${name}>`, TOP_ICON_SIZES[name]);
  }
  if (ds) {
    for (const sl of children(ds, 'SourceLocation', NS.app)) addSetting(sl, '<DefaultSettings><SourceLocation>');
  }
  const appDomains = top('AppDomains');
  if (appDomains) {
    for (const d of children(appDomains, 'AppDomain', NS.app)) {
      const v = d.text.trim();
      const origin = base.replace(/^(https?:\/\/[^/]+).*$/, '$1');
      if (!(v === origin || v === base || v.startsWith(base))) {
        err(d.line, 'app-domain', `<AppDomain> “${v}” 超出加载项自身的站点 ${base}：不得添加其他域`,
          `<AppDomain> "${v}" is outside the add-in's own site ${base}: no other domains are allowed`);
      }
    }
  }
  if (resources) {
    // Required pixel size of each image resource, from the <bt:Image size=".."> that use it.
    const sizeOf = new Map();
    for (const img of vo ? descendants(vo, 'Image') : []) {
      const rid = attr(img, 'resid');
      const size = Number(attr(img, 'size'));
      if (rid === undefined || !size) continue;
      if (sizeOf.has(rid) && sizeOf.get(rid) !== size) {
        err(img.line, 'icon-size', `图像资源 “${rid}” 同时被用作 ${sizeOf.get(rid)} 和 ${size} 像素图标`,
          `image resource "${rid}" is used both as a ${sizeOf.get(rid)} px and a ${size} px icon`);
      } else {
        sizeOf.set(rid, size);
      }
    }
    for (const kind of ['Images', 'Urls']) {
      const coll = child(resources, kind, NS.bt);
      if (!coll) continue;
      for (const item of coll.children) {
        const rid = attr(item, 'id');
        addSetting(item, `<bt:${item.local} id="${rid}">`, kind === 'Images' ? sizeOf.get(rid) || 0 : undefined);
      }
    }
  }
  // Anything else that looks like a URL (e.g. an added element the list above does not know).
  const listed = new Set(urls.map((u) => `${u.line}\u0000${u.value}`));
  const walk = (el) => {
    for (const a of el.attrs) {
      if (a.local === 'xmlns' || a.prefix === 'xmlns' || a.ns === NS.xsi) continue;
      if (LOOKS_LIKE_URL.test(a.value) && !listed.has(`${a.line}\u0000${a.value}`)) {
        urls.push({ value: a.value, line: a.line, where: `<${el.name} ${a.name}>` });
      }
    }
    const t = el.text.trim();
    if (el.children.length === 0 && LOOKS_LIKE_URL.test(t) && el.local !== 'AppDomain') {
      urls.push({ value: t, line: el.line, where: `<${el.name}>` });
    }
    el.children.forEach(walk);
  };
  walk(root);

  for (const u of urls) {
    const v = u.value.trim();
    if (!/^https:\/\//i.test(v)) {
      err(u.line, 'url-https', `${u.where} 的地址须为 https 绝对地址：“${v}”`,
        `${u.where} must be an absolute https URL: "${v}"`);
      continue;
    }
    if (!v.startsWith(base)) {
      err(u.line, 'url-base',
        `${u.where} 的地址须以统一前缀 ${base} 开头（生产构建会替换这个前缀）：“${v}”`,
        `${u.where} must start with the common base ${base} (the production build rewrites it): "${v}"`);
      continue;
    }
    if (u.iconSize !== undefined) checkIcon(u, v);
  }

  function checkIcon(u, v) {
    const rel = v.slice(base.length).replace(/[?#].*$/, '');
    if (!rel.startsWith('assets/')) {
      err(u.line, 'icon-file', `${u.where} 的图标须放在 assets/ 下：“${v}”`,
        `${u.where}: icons must live under assets/: "${v}"`);
      return;
    }
    let decoded;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      decoded = rel;
    }
    if (decoded.split('/').includes('..')) {
      err(u.line, 'icon-file', `${u.where} 的图标路径不得包含“..”：“${v}”`, `${u.where}: icon path must not contain "..": "${v}"`);
      return;
    }
    const file = path.join(fileRoot, ...decoded.split('/'));
    const shown = displayPath(file);
    if (!/\.png$/i.test(decoded)) {
      err(u.line, 'icon-file', `${u.where} 的图标须为 PNG：“${v}”`, `${u.where}: icon must be a PNG: "${v}"`);
      return;
    }
    const png = readPngSize(file);
    if (!png.ok) {
      if (png.reason === 'missing') {
        err(u.line, 'icon-missing', `${u.where} 引用的图标文件不存在：${shown}`,
          `${u.where} references an icon file that does not exist: ${shown}`);
      } else {
        err(u.line, 'icon-file', `${u.where} 的图标文件无效（${png.reason}）：${shown}`,
          `${u.where}: icon file is not valid (${png.reason}): ${shown}`);
      }
      return;
    }
    if (u.iconSize && (png.width !== u.iconSize || png.height !== u.iconSize)) {
      err(u.line, 'icon-size',
        `${u.where} 须为 ${u.iconSize}×${u.iconSize} 像素，${shown} 实为 ${png.width}×${png.height}`,
        `${u.where} must be ${u.iconSize}x${u.iconSize} px; ${shown} is ${png.width}x${png.height}`);
    }
  }

  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { errors, warnings };
}

module.exports = { runChecks, compareVersions, displayPath, DEFAULT_BASE, MAX_EXCEL_FLOOR, NS };
