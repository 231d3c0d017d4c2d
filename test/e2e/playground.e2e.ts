// Browser end-to-end test of the task pane in the playground: real App + real Excel adapter over the
// fake Excel host, in Debian Chromium via playwright-core. Run by scripts/e2e.js, which builds and
// serves the playground and passes its URL in E2E_BASE_URL. Prints "N passed, N failed" last.
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WorkbookState } from '../../src/fake-excel';
import type { PlaygroundHandle } from '../../src/playground/Playground';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3001/';
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
const CHECK = /^(重新)?检查$/;
const CLEAR = '清除标记';

type Step = { name: string; run: () => Promise<void> };

interface CellInfo {
  fill: string | null;
  note: string | null;
  comment: string | null;
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** The fake's inspection API, reached through the playground's window.__playground handle. */
function state(page: Page): Promise<WorkbookState> {
  return page.evaluate(() => {
    const h = (window as unknown as { __playground?: PlaygroundHandle }).__playground;
    if (!h) throw new Error('window.__playground is missing');
    return h.fake.workbook.state();
  });
}

function cellInfo(page: Page, sheet: string, cell: string): Promise<CellInfo> {
  return page.evaluate(
    ([s, c]) => {
      const st = (window as unknown as { __playground: PlaygroundHandle }).__playground.fake.workbook.cell(s, c);
      return { fill: st.fill, note: st.note, comment: st.comment?.content ?? null };
    },
    [sheet, cell] as const
  );
}

function selection(page: Page): Promise<{ sheet: string; address: string } | null> {
  return page.evaluate(() => (window as unknown as { __playground: PlaygroundHandle }).__playground.fake.workbook.selection);
}

function diffCount(a: WorkbookState, b: WorkbookState): number {
  let n = 0;
  for (const [i, sa] of a.sheets.entries()) {
    const sb = b.sheets[i];
    const keys = new Set([...Object.keys(sa.cells), ...Object.keys(sb?.cells ?? {})]);
    for (const k of keys) if (!isDeepStrictEqual(sa.cells[k], sb?.cells[k])) n++;
  }
  return n;
}

async function main(): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS)) if (/^e2e-.*\.png$/.test(f)) fs.rmSync(path.join(ARTIFACTS, f));
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const pageErrors: string[] = [];
  const external: string[] = [];
  const origin = new URL(BASE).origin;
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });

  let before: WorkbookState | null = null;
  let target: { sheet: string; cell: string } | null = null;

  const steps: Step[] = [
    {
      name: 'the playground loads seed-000 with the real task pane beside the grid',
      async run() {
        await page.goto(`${BASE}?wb=seed-000&api=20`);
        await page.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: CHECK }).waitFor();
        assert((await page.locator('.pg-sheet td').count()) > 20, 'the grid shows no cells');
        assert((await page.locator('[data-sheet-tab]').count()) > 1, 'no sheet tabs');
        const h = await page.evaluate(() => (window as unknown as { __playground: PlaygroundHandle }).__playground.workbookId);
        assert(h === 'seed-000', `loaded ${h}, not seed-000`);
      },
    },
    {
      name: 'every cell value/fill/note is snapshot through the fake before checking',
      async run() {
        before = await state(page);
        const cells = before.sheets.reduce((n, s) => n + Object.keys(s.cells).length, 0);
        assert(cells > 100, `only ${cells} cells in the snapshot`);
      },
    },
    {
      name: '检查 lists at least one finding for seed-000 and marks cells in the fake',
      async run() {
        await page.getByRole('button', { name: CHECK }).click();
        await page.getByTestId('summary').waitFor({ timeout: 60_000 });
        await page.getByText(/已标注 \d+ 个单元格/).waitFor({ timeout: 60_000 });
        const n = await page.getByTestId('finding').count();
        assert(n >= 1, 'no findings listed for seed-000');
        await page.waitForFunction(() => {
          const b = document.querySelector<HTMLButtonElement>('button[data-testid="check"]');
          return !!b && !b.disabled;
        });
        const marked = diffCount(before!, await state(page));
        assert(marked >= 1, 'no cell changed in the fake after marking');
        console.log(`    ${n} finding(s) listed, ${marked} cell(s) marked`);
      },
    },
    {
      name: 'clicking a finding selects its cell and it is marked (fill + note) in the fake and in the grid',
      async run() {
        const errors = page.locator('[data-testid="finding"][data-severity="error"]');
        const item = (await errors.count()) > 0 ? errors.first() : page.getByTestId('finding').first();
        const where = await item.getAttribute('data-cell');
        assert(where, 'finding has no data-cell');
        const bang = where.lastIndexOf('!');
        target = { sheet: where.slice(0, bang), cell: where.slice(bang + 1) };
        await item.getByRole('button').click();
        await page.getByTestId('finding-details').waitFor();
        for (const label of ['应为', '实为', '差额', '容差', '比较的单元格']) {
          assert(await page.getByTestId('finding-details').getByText(label, { exact: true }).isVisible(), `details lack ${label}`);
        }
        await page.waitForFunction(
          ([s, c]) => {
            const sel = (window as unknown as { __playground: PlaygroundHandle }).__playground.fake.workbook.selection;
            return !!sel && sel.sheet === s && sel.address.endsWith(`!${c}`);
          },
          [target.sheet, target.cell] as const,
          { timeout: 10_000 }
        );
        const sel = await selection(page);
        assert(sel && sel.sheet === target.sheet, `selection is ${JSON.stringify(sel)}`);
        const info = await cellInfo(page, target.sheet, target.cell);
        const was = before!.sheets.find((s) => s.name === target!.sheet);
        const prior = was && Object.entries(was.cells).find(([k]) => k.endsWith(`!${target!.cell}`))?.[1];
        assert(info.fill && info.fill !== (prior?.fill ?? null), `cell fill not changed: ${info.fill}`);
        assert(info.note || info.comment, 'cell has no note or comment');
        const td = page.locator(`table[data-sheet="${target.sheet}"] td[data-addr="${target.cell}"]`);
        await td.waitFor({ timeout: 5_000 });
        assert((await td.getAttribute('data-selected')) === 'true', 'grid cell not highlighted as selected');
        assert((await td.getAttribute('data-fill')) === info.fill, 'grid cell fill differs from the fake');
        assert((await td.getAttribute('data-note')) === (info.note ?? info.comment), 'grid cell note differs from the fake');
        assert(await td.locator('.note-mark').isVisible(), 'no note indicator in the grid');
        const tab = page.locator(`[data-sheet-tab="${target.sheet}"]`);
        assert((await tab.getAttribute('aria-selected')) === 'true', 'the grid did not switch to the finding\'s sheet');
        await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-finding-selected.png') });
      },
    },
    {
      name: 'a finding can be reached and activated with the keyboard',
      async run() {
        const items = page.getByTestId('finding');
        const n = await items.count();
        if (n < 2) return; // one finding: covered by the click above
        const second = items.nth(1);
        const where = (await second.getAttribute('data-cell'))!;
        await second.getByRole('button').focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          (w) => {
            const sel = (window as unknown as { __playground: PlaygroundHandle }).__playground.fake.workbook.selection;
            const bang = w.lastIndexOf('!');
            return !!sel && sel.sheet === w.slice(0, bang) && sel.address.endsWith(`!${w.slice(bang + 1)}`);
          },
          where,
          { timeout: 10_000 }
        );
      },
    },
    {
      name: '清除标记 restores every cell exactly as before (deep compare)',
      async run() {
        await page.getByRole('button', { name: CLEAR }).click();
        await page.getByText(/已清除 \d+ 个单元格的标记/).waitFor({ timeout: 30_000 });
        const after = await state(page);
        if (!isDeepStrictEqual(after, before)) {
          throw new Error(`${diffCount(before!, after)} cell(s) differ from the snapshot taken before checking`);
        }
        await page.locator(`[data-sheet-tab="${target!.sheet}"]`).click();
        const td = page.locator(`table[data-sheet="${target!.sheet}"] td[data-addr="${target!.cell}"]`);
        const prior = before!.sheets.find((s) => s.name === target!.sheet);
        const priorCell = prior && Object.entries(prior.cells).find(([k]) => k.endsWith(`!${target!.cell}`))?.[1];
        assert((await td.getAttribute('data-fill')) === (priorCell?.fill ?? null), 'grid still shows the mark fill');
        await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-cleared.png') });
      },
    },
    {
      name: 'the English switch changes the pane text',
      async run() {
        await page.getByRole('button', { name: /界面语言/ }).click();
        await page.getByRole('button', { name: 'Check again' }).waitFor();
        await page.getByRole('button', { name: /Language/ }).click();
        await page.getByRole('button', { name: CHECK }).waitFor();
      },
    },
    {
      name: 'the pane stays usable at 320 px wide',
      async run() {
        const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
        await narrow.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
        await narrow.goto(`${BASE}?wb=seed-000&api=14`);
        await narrow.locator('[data-ready="true"]').waitFor({ timeout: 30_000 });
        // Show only the pane, as Excel would.
        await narrow.addStyleTag({ content: '.pg-bar,.pg-workbook{display:none!important}.pg-pane{width:320px!important;border:0}' });
        await narrow.getByRole('button', { name: CHECK }).click();
        await narrow.getByText(/已标注 \d+ 个单元格/).waitFor({ timeout: 60_000 });
        await narrow.waitForFunction(() => {
          const b = document.querySelector<HTMLButtonElement>('button[data-testid="check"]');
          return !!b && !b.disabled;
        });
        const overflow = await narrow.evaluate(() => {
          const pane = document.querySelector('.pg-pane')!;
          return pane.scrollWidth - pane.clientWidth;
        });
        assert(overflow <= 1, `the pane scrolls horizontally by ${overflow}px at 320px`);
        await narrow.mouse.move(2, 630); // no hover state in the picture
        await narrow.waitForTimeout(300);
        await narrow.screenshot({ path: path.join(ARTIFACTS, 'e2e-pane-320.png'), fullPage: false });
        await narrow.close();
      },
    },
    {
      name: 'no page errors and no request left 127.0.0.1',
      async run() {
        assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
        assert(external.length === 0, `external requests: ${external.join(', ')}`);
      },
    },
  ];

  let passed = 0;
  let failed = 0;
  let broken = false;
  for (const step of steps) {
    if (broken) {
      failed++;
      console.log(`  ✗ ${step.name} (not run: an earlier step failed)`);
      continue;
    }
    const t0 = Date.now();
    try {
      await step.run();
      passed++;
      console.log(`  ✓ ${step.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      // The flow is sequential: later steps need this one (the last two are independent checks).
      broken = !step.name.startsWith('no page errors') && !step.name.startsWith('the English') && !step.name.startsWith('the pane stays');
      console.log(`  ✗ ${step.name}\n      ${(e instanceof Error ? e.message : String(e)).split('\n').join('\n      ')}`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-failure.png') }).catch(() => undefined);
    }
  }
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
