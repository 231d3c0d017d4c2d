'use strict';
/*
 * Minimal, dependency-free, namespace-aware XML reader for the add-in manifest.
 * It builds an element tree with line numbers (for error messages). It is not a validating
 * parser: well-formedness is checked only as far as the structural checks need it (matching
 * tags, quoted attributes, known entities); xmllint does the real schema validation.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

class XmlError extends Error {
  constructor(message, line) {
    super(message);
    this.name = 'XmlError';
    this.line = line;
  }
}

function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Decodes entity references; lineAt(k) gives the line of character k of `s` for errors. */
function decodeEntities(s, lineAt) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, ent, at) => {
    const line = lineAt(at);
    if (!ent) throw new XmlError('bare "&" (use &amp;)', line);
    if (ent[0] === '#') {
      const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[ent];
    if (named === undefined) throw new XmlError(`unknown entity &${ent};`, line);
    return named;
  });
}

/**
 * @typedef {{ name: string, prefix: string, local: string, ns: string|null,
 *   attrs: Array<{name:string, prefix:string, local:string, ns:string|null, value:string, line:number}>,
 *   children: XmlElement[], text: string, line: number, parent: XmlElement|null,
 *   nsMap: Record<string,string> }} XmlElement
 */

/** Parses `text`; returns the root element. Throws XmlError with a line number. */
function parseXml(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineOf = lineIndex(text);
  let i = 0;
  let root = null;
  /** @type {XmlElement[]} */
  const stack = [];

  const splitName = (qname) => {
    const c = qname.indexOf(':');
    return c < 0 ? ['', qname] : [qname.slice(0, c), qname.slice(c + 1)];
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1];
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      const from = i;
      if (top) top.text += decodeEntities(chunk, (k) => lineOf(from + k));
      else if (chunk.trim()) throw new XmlError('text outside the root element', lineOf(i));
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unterminated comment', lineOf(i));
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction', lineOf(i));
      i = end + 2;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unterminated CDATA section', lineOf(i));
      if (!top) throw new XmlError('CDATA outside the root element', lineOf(i));
      top.text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      if (end < 0 || text.slice(i, end).includes('[')) {
        throw new XmlError('DOCTYPE with an internal subset is not supported', lineOf(i));
      }
      i = end + 1;
    } else if (text[i + 1] === '/') {
      const m = /^<\/([^\s>]+)\s*>/.exec(text.slice(i, i + 300));
      if (!m) throw new XmlError('malformed end tag', lineOf(i));
      const open = stack.pop();
      if (!open || open.name !== m[1]) {
        throw new XmlError(
          `end tag </${m[1]}> does not match <${open ? open.name : '(none)'}>` +
            (open ? ` opened on line ${open.line}` : ''),
          lineOf(i)
        );
      }
      i += m[0].length;
    } else {
      const startLine = lineOf(i);
      const nm = /^<([^\s/>]+)/.exec(text.slice(i, i + 300));
      if (!nm) throw new XmlError('malformed start tag', startLine);
      let j = i + nm[0].length;
      const rawAttrs = [];
      const attrRe = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
      for (;;) {
        attrRe.lastIndex = j;
        const am = attrRe.exec(text);
        if (!am) break;
        const nameAt = j + am[0].indexOf(am[1]);
        const valueAt = j + am[0].length - 1 - (am[2] !== undefined ? am[2] : am[3]).length;
        rawAttrs.push({
          name: am[1],
          value: decodeEntities(am[2] !== undefined ? am[2] : am[3], (k) => lineOf(valueAt + k)),
          line: lineOf(nameAt),
        });
        j = attrRe.lastIndex;
      }
      const close = /^\s*(\/?)>/.exec(text.slice(j, j + 50));
      if (!close) throw new XmlError(`malformed attributes in <${nm[1]}>`, lineOf(j));
      j += close[0].length;

      const nsMap = Object.assign(Object.create(null), top ? top.nsMap : { xml: XML_NS });
      for (const a of rawAttrs) {
        if (a.name === 'xmlns') nsMap[''] = a.value;
        else if (a.name.startsWith('xmlns:')) nsMap[a.name.slice(6)] = a.value;
      }
      const [prefix, local] = splitName(nm[1]);
      if (prefix && !(prefix in nsMap)) {
        throw new XmlError(`undeclared namespace prefix "${prefix}"`, startLine);
      }
      const seen = new Set();
      const attrs = rawAttrs.map((a) => {
        if (seen.has(a.name)) throw new XmlError(`duplicate attribute ${a.name}`, a.line);
        seen.add(a.name);
        const [ap, al] = splitName(a.name);
        let ns = null;
        if (a.name === 'xmlns' || ap === 'xmlns') ns = XMLNS_NS;
        else if (ap) {
          if (!(ap in nsMap)) throw new XmlError(`undeclared namespace prefix "${ap}"`, a.line);
          ns = nsMap[ap];
        }
        return { name: a.name, prefix: ap, local: al, ns, value: a.value, line: a.line };
      });
      /** @type {XmlElement} */
      const el = {
        name: nm[1],
        prefix,
        local,
        ns: nsMap[prefix] || null,
        attrs,
        children: [],
        text: '',
        line: startLine,
        parent: top || null,
        nsMap,
      };
      if (top) top.children.push(el);
      else if (root) throw new XmlError('more than one root element', startLine);
      else root = el;
      if (!close[1]) stack.push(el);
      i = j;
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    throw new XmlError(`<${open.name}> is never closed`, open.line);
  }
  if (!root) throw new XmlError('no root element', 1);
  return root;
}

/** Attribute value by local name (and namespace, default: no namespace). */
function attr(el, local, ns = null) {
  const a = el.attrs.find((x) => x.local === local && x.ns === ns);
  return a ? a.value : undefined;
}

function attrNode(el, local, ns = null) {
  return el.attrs.find((x) => x.local === local && x.ns === ns);
}

function children(el, local, ns) {
  return el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

function child(el, local, ns) {
  return children(el, local, ns)[0];
}

/** All descendant elements (document order), optionally filtered by local name. */
function descendants(el, local) {
  const out = [];
  const walk = (e) => {
    for (const c of e.children) {
      if (local === undefined || c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Local part of a QName-valued attribute such as xsi:type="bt:Foo" -> "Foo". */
function qnameLocal(value) {
  if (value === undefined) return undefined;
  const c = value.indexOf(':');
  return c < 0 ? value.trim() : value.slice(c + 1).trim();
}

module.exports = {
  XmlError,
  parseXml,
  attr,
  attrNode,
  children,
  child,
  descendants,
  qnameLocal,
};
