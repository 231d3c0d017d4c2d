// Dev-only playground: the real task pane beside an HTML rendering of a workbook held by the fake
// Excel host. Never part of the production add-in output.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { PlaygroundIndex } from './data';
import Playground from './Playground';

const DATA_URL = 'playground-data/';

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) throw new Error('#root is missing');
  const params = new URLSearchParams(window.location.search);
  const api = Number(params.get('api'));
  let index: PlaygroundIndex = { workbooks: [] };
  try {
    const r = await fetch(`${DATA_URL}index.json`);
    if (r.ok) index = (await r.json()) as PlaygroundIndex;
  } catch {
    // Rendered below as "no sample workbooks".
  }
  createRoot(el).render(
    <Playground
      index={index}
      dataUrl={DATA_URL}
      initialWorkbook={params.get('wb')}
      initialApiMinor={Number.isInteger(api) && api > 0 ? api : 20}
    />
  );
}

void main();
