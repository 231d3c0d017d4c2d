import * as fs from 'fs';
import * as path from 'path';
import { hasXmllint, lineOf, MANIFEST, replaceOnce, runValidate, tempCopy } from './helpers';

// The schema stage needs xmllint (Debian libxml2-utils; .ci/run installs it). Fail loudly
// rather than skip: a silently skipped schema test would hide a broken CI image.
beforeAll(() => {
  if (!hasXmllint()) {
    throw new Error('xmllint not found: apt-get install libxml2-utils (needed by npm run validate)');
  }
});

const tempDirs: string[] = [];
function copy(edit?: (xml: string) => string) {
  const c = tempCopy(edit);
  tempDirs.push(c.dir);
  return c;
}
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm run validate on the real manifest', () => {
  test('passes (exit 0) with the default manifest path', () => {
    const r = runValidate([]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('manifest is valid');
  });

  test('passes on an unmodified copy given as an argument', () => {
    const { manifest } = copy();
    const r = runValidate([manifest]);
    expect(r.status).toBe(0);
  });

  test('passes for a copy rewritten to a production base when --base is given', () => {
    const prod = 'https://intranet.example/budget-check/';
    const { manifest } = copy((x) => x.split('https://localhost:3000/').join(prod));
    expect(runValidate([manifest]).status).toBe(1); // wrong base for the default
    const r = runValidate([manifest, '--base', prod]);
    expect(r.output).not.toContain('error');
    expect(r.status).toBe(0);
  });
});

describe('schema stage (xmllint + patched XSDs)', () => {
  test('<Requirements> moved after <DefaultSettings> fails schema validation', () => {
    const { manifest } = copy((x) => {
      const m = /\n  <Requirements>[\s\S]*?<\/Requirements>/.exec(x);
      if (!m) throw new Error('no <Requirements> block in manifest.xml');
      const without = x.replace(m[0], '');
      return replaceOnce(without, '\n  <Permissions>', `${m[0]}\n  <Permissions>`);
    });
    const moved = fs.readFileSync(manifest, 'utf8');
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    // xmllint's own finding, with the line of the misplaced element.
    expect(r.stderr).toMatch(
      new RegExp(`:${lineOf(moved, '<Requirements>')}: 错误 \\[schema\\].*Requirements.*This element is not expected`)
    );
    // ...and the structural check names it in plain words.
    expect(r.stderr).toContain('[requirements-order]');
  });

  test('a five-part Version fails schema validation only', () => {
    const { manifest } = copy((x) => replaceOnce(x, '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'));
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/错误 \[schema\].*Version/);
    expect(r.stderr).not.toMatch(/error \[(?!schema)/);
  });

  test.each([
    ['patch 1 (https XMLSchema namespace)', 'OfficeAppBasicTypesV1_0.xsd',
      'xmlns:xs="http://www.w3.org/2001/XMLSchema"', 'xmlns:xs="https://www.w3.org/2001/XMLSchema"'],
    ['patch 2 (.NET lazy quantifier)', 'OfficeAppBasicTypesV1_0.xsd',
      '(\\.[0-9]{1,5}){0,3}"', '(\\.[0-9]{1,5}){0,3}?"'],
  ])('with %s reverted the schema does not compile and validation fails', (_name, file, patched, original) => {
    const { dir, manifest } = copy();
    const xsdDir = path.join(dir, 'xsd');
    fs.cpSync(path.join(__dirname, '..', '..', 'schemas', 'office-manifest'), xsdDir, { recursive: true });
    const f = path.join(xsdDir, file);
    fs.writeFileSync(f, replaceOnce(fs.readFileSync(f, 'utf8'), patched, original));
    const r = runValidate([manifest, '--schema', path.join(xsdDir, 'OfficeAppManifestV1_1.xsd')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[schema]');
  });

  test('the repo carries its own XSD copies (no dependency on /work/shared)', () => {
    for (const f of [
      'OfficeAppManifestV1_1.xsd',
      'OfficeAppBasicTypesV1_0.xsd',
      'TaskPaneAppVersionOverridesV1_0.xsd',
      'MailAppVersionOverridesV1_0.xsd',
      'MailAppVersionOverridesV1_1.xsd',
      'PATCHES.md',
    ]) {
      expect(fs.existsSync(path.join(__dirname, '..', '..', 'schemas', 'office-manifest', f))).toBe(true);
    }
  });
});

describe('structural checks', () => {
  test('a missing icon file fails with its line number', () => {
    const { manifest } = copy();
    fs.rmSync(path.join(path.dirname(manifest), 'assets', 'icon-80.png'));
    const xml = fs.readFileSync(manifest, 'utf8');
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`:${lineOf(xml, '<bt:Image id="Icon.80x80"')}: 错误 [icon-missing]`);
    expect(r.stderr).toContain('icon-80.png');
    expect(r.stderr).not.toContain('[schema]');
  });

  test('a reference to an icon that is not in assets/ fails', () => {
    const { manifest } = copy((x) => replaceOnce(x, 'assets/icon-16.png', 'assets/icon-17.png'));
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[icon-missing]');
    expect(r.stderr).toContain('icon-17.png');
  });

  test('an icon of the wrong pixel size fails', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>')
    );
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[icon-size\] <IconUrl> must be 32x32 px; .*icon-64\.png is 64x64/);
  });

  test('a non-https URL fails', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>')
    );
    const xml = fs.readFileSync(manifest, 'utf8');
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`:${lineOf(xml, 'http://localhost:3000/taskpane.html')}: 错误 [url-https]`);
    expect(r.stderr).toContain('must be an absolute https URL');
  });

  test('an https URL outside the common base fails', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, 'https://localhost:3000/assets/support.html"/>\n', 'https://cdn.example.com/support.html"/>\n')
    );
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[url-base]');
  });

  test('ExcelApi MinVersion 1.18 fails (above the LTSC 2021 ceiling 1.14)', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.18"/>')
    );
    const xml = fs.readFileSync(manifest, 'utf8');
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`:${lineOf(xml, 'MinVersion="1.18"')}: 错误 [requirements-floor]`);
    expect(r.stderr).not.toContain('[schema]');
  });

  test('ExcelApi MinVersion 1.14 is still accepted', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.14"/>')
    );
    expect(runValidate([manifest]).status).toBe(0);
  });

  test('missing <Requirements> fails', () => {
    const { manifest } = copy((x) => replaceOnce(x, /\n  <Requirements>[\s\S]*?<\/Requirements>/, ''));
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[requirements] 缺少 <Requirements>');
  });

  test('a GUID-less Id fails', () => {
    const { manifest } = copy((x) => replaceOnce(x, /<Id>[^<]*<\/Id>/, '<Id>budget-check</Id>'));
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[id]');
  });

  test('Permissions other than ReadWriteDocument fail', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>')
    );
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[permissions]');
  });

  test('an undefined resource id fails', () => {
    const { manifest } = copy((x) => replaceOnce(x, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Missing"/>'));
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[resid-undefined]');
    expect(r.stderr).toContain('Taskpane.Missing');
  });

  test('an empty button label fails', () => {
    const { manifest } = copy((x) =>
      replaceOnce(x, /<bt:String id="TaskpaneButton.Label" DefaultValue="[^"]*">/, '<bt:String id="TaskpaneButton.Label" DefaultValue=" ">')
    );
    const r = runValidate([manifest]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[button-label]');
  });
});

describe('environment', () => {
  test('without xmllint it fails and says how to install it', () => {
    const { manifest } = copy();
    const r = runValidate([manifest], { ...process.env, PATH: path.join(path.dirname(manifest), 'no-such-bin'), XMLLINT: '' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('apt-get install libxml2-utils');
  });

  test('the real manifest has the required shape', () => {
    const xml = fs.readFileSync(MANIFEST, 'utf8');
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toContain('<DisplayName DefaultValue="预算表格核对">');
    expect(xml).toMatch(/<Override Locale="en-US"/);
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Sets DefaultMinVersion="1.1">');
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('<TaskpaneId>ButtonId1</TaskpaneId>');
    expect(xml).toMatch(/<bt:String id="TaskpaneButton.Label" DefaultValue="预算核对">/);
    expect(xml.indexOf('</Hosts>')).toBeLessThan(xml.indexOf('<Requirements>'));
    expect(xml.indexOf('</Requirements>')).toBeLessThan(xml.indexOf('<DefaultSettings>'));
    // every URL uses exactly the base the production build rewrites
    const urls = xml.match(/[a-z]+:\/\/[^"<\s]+/g) ?? [];
    const nonNs = urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(nonNs.length).toBeGreaterThan(5);
    for (const u of nonNs) expect(u.startsWith('https://localhost:3000/')).toBe(true);
  });
});
