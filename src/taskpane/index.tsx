// Task pane entry: office.js is loaded by a <head> script tag (never bundled); render after Office.onReady.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../addin/excel-adapter';
import App from './App';

function mount(): void {
  const el = document.getElementById('container');
  if (!el) throw new Error('task pane container #container is missing');
  createRoot(el).render(<App host={createExcelHost()} />);
}

void Office.onReady(() => mount());
