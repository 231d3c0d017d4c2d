/* eslint-disable no-console */
// Builds the task pane (production: self-contained static folder dist-addin/) and, in development or
// with --env playground, the dev-only playground page.
//
//   webpack --mode production [--env baseUrl=https://intranet.example/budget/] [--env officeJs=cdn] [--env outDir=...]
//   webpack --mode development            task pane + playground into build/dev/
//   webpack --mode development --env playground   playground only into build/playground/ (npm run playground)
//   webpack serve --mode development      dev server on https://localhost:3000 (http if no dev certificate)
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_BASE_URL = 'https://localhost:3000/';
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const PLAYGROUND_DATA = path.join(ROOT, 'build', 'playground-data');

function normalizeBaseUrl(url) {
  const u = new URL(url); // throws on garbage: better than a broken manifest
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`baseUrl must be http(s): ${url}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** Converts samples/*.xlsx and the seed fixtures to snapshot JSON once (the browser never loads exceljs). */
function ensurePlaygroundData(force) {
  const index = path.join(PLAYGROUND_DATA, 'index.json');
  if (!force && fs.existsSync(index)) return;
  const tsx = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  try {
    execFileSync(tsx, [path.join(ROOT, 'src', 'playground', 'build-data.ts'), PLAYGROUND_DATA], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch (e) {
    console.warn(`[playground] could not convert the sample workbooks (${e.message}); the playground starts empty.`);
    fs.mkdirSync(PLAYGROUND_DATA, { recursive: true });
    fs.writeFileSync(index, JSON.stringify({ workbooks: [] }));
  }
}

/**
 * @fluentui/react-icons' root index re-exports every icon from 3.8 MB of chunk files, so a production
 * build hands terser ~6.5 MB and takes minutes. Fluent's components (and ours) import a few dozen
 * icons: this writes a shim re-exporting exactly those from the per-icon files, aliased in place of
 * the root. Returns null (no alias, plain slow build) if any import cannot be mapped.
 */
function fluentIconsShim() {
  const iconsDir = path.join(ROOT, 'node_modules', '@fluentui', 'react-icons');
  if (!fs.existsSync(iconsDir)) return null;
  const names = new Set();
  const importRe = /(?:import|export)\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-icons['"]/g;
  const starRe = /(?:import\s*\*\s*as\s+\w+|export\s*\*)\s*from\s*['"]@fluentui\/react-icons['"]/;
  let bail = null;
  const scan = (dir) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) scan(p);
      else if (/\.(m?js|tsx?)$/.test(ent.name) && !ent.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!text.includes('@fluentui/react-icons')) continue;
        if (starRe.test(text)) bail = p;
        for (const m of text.matchAll(importRe)) {
          for (const part of m[1].split(',')) {
            const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim();
            if (name) names.add(name);
          }
        }
      }
    }
  };
  // Every @fluentui package, including copies nested in other packages' node_modules.
  const scanScope = (fluentDir) => {
    for (const pkg of fs.readdirSync(fluentDir)) {
      if (pkg === 'react-icons') continue;
      const lib = path.join(fluentDir, pkg, 'lib');
      if (fs.existsSync(lib)) scan(lib);
      const nested = path.join(fluentDir, pkg, 'node_modules', '@fluentui');
      if (fs.existsSync(nested)) scanScope(nested);
    }
  };
  scanScope(path.join(ROOT, 'node_modules', '@fluentui'));
  scan(path.join(ROOT, 'src'));
  if (bail) {
    console.warn(`[build] ${bail} imports all of @fluentui/react-icons; no icon shim`);
    return null;
  }
  const utils = {
    bundleIcon: 'utils', wrapIcon: 'utils', createFluentIcon: 'utils', useIconState: 'utils',
    iconClassName: 'utils', iconFilledClassName: 'utils', iconRegularClassName: 'utils',
    iconColorClassName: 'utils', iconLightClassName: 'utils',
    IconDirectionContextProvider: 'providers', useIconContext: 'providers',
  };
  const atomsDir = path.join(iconsDir, 'lib', 'atoms', 'svg');
  const where = new Map();
  for (const f of fs.readdirSync(atomsDir)) {
    if (!f.endsWith('.js')) continue;
    const text = fs.readFileSync(path.join(atomsDir, f), 'utf8');
    for (const m of text.matchAll(/export const (\w+)\s*=/g)) {
      if (names.has(m[1])) where.set(m[1], `svg/${f.slice(0, -3)}`);
    }
  }
  const lines = ['// Generated by webpack.config.js (fluentIconsShim): the icons this build imports.'];
  for (const name of [...names].sort()) {
    const from = utils[name] || where.get(name);
    if (!from) {
      console.warn(`[build] cannot place @fluentui/react-icons export ${name}; no icon shim`);
      return null;
    }
    lines.push(`export { ${name} } from '@fluentui/react-icons/${from}';`);
  }
  const shim = path.join(ROOT, 'build', 'fluent-icons-shim.js');
  fs.mkdirSync(path.dirname(shim), { recursive: true });
  fs.writeFileSync(shim, `${lines.join('\n')}\n`);
  return shim;
}

/**
 * Libraries' error messages name documentation pages (React: "visit https://reactjs.org/docs/error-
 * decoder.html?invariant=…"). They are never fetched, but a production build must name no host
 * except its own: drop the scheme so the text stays readable yet is no absolute URL.
 */
const DOC_LINKS = ['https://reactjs.org/docs/error-decoder.html', 'https://react.dev/errors/'];
class StripDocLinksPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('StripDocLinksPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'StripDocLinksPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith('.js') || compilation.getAsset(name).info.copied) continue;
            let text = assets[name].source().toString();
            let changed = false;
            for (const link of DOC_LINKS) {
              if (!text.includes(link)) continue;
              text = text.split(link).join(link.replace(/^https:\/\//, ''));
              changed = true;
            }
            if (changed) compilation.updateAsset(name, new sources.RawSource(text));
          }
        }
      );
    });
  }
}

async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (e) {
    console.warn(
      `[dev-server] no trusted development certificate (${e.message.split('\n')[0]}); ` +
        'serving plain http://localhost:3000/ instead. Excel needs https: run `npx office-addin-dev-certs install` where you can.'
    );
    return { type: 'http' };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode !== 'production';
  const playgroundOnly = Boolean(env.playground);
  const withTaskpane = !playgroundOnly;
  const withPlayground = dev || playgroundOnly;
  const useCdn = env.officeJs === 'cdn';
  if (env.officeJs && env.officeJs !== 'cdn' && env.officeJs !== 'local') {
    throw new Error(`--env officeJs must be "cdn" or "local", not "${env.officeJs}"`);
  }
  let baseUrl = DEV_BASE_URL;
  if (!dev) {
    if (env.baseUrl) baseUrl = normalizeBaseUrl(env.baseUrl);
    else console.warn(`[build] no --env baseUrl=...: the manifest keeps ${DEV_BASE_URL}`);
  }
  const outDir = env.outDir
    ? path.resolve(ROOT, env.outDir)
    : !dev
      ? path.join(ROOT, 'dist-addin')
      : playgroundOnly
        ? path.join(ROOT, 'build', 'playground')
        : path.join(ROOT, 'build', 'dev');
  const officeJsUrl = useCdn ? CDN_OFFICE_JS : 'office-js/office.js';

  if (withPlayground) ensurePlaygroundData(Boolean(env.refreshData));

  const iconsShim = dev ? null : fluentIconsShim();

  const entry = {};
  const plugins = [];
  const copy = [];
  if (withTaskpane) {
    entry.taskpane = './src/taskpane/index.tsx';
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJsUrl,
      })
    );
    copy.push(
      { from: 'assets', to: 'assets', noErrorOnMissing: true },
      {
        from: 'manifest.xml',
        to: 'manifest.xml',
        noErrorOnMissing: true,
        transform: (content) => (dev ? content : content.toString().split(DEV_BASE_URL).join(baseUrl)),
      }
    );
    // Verbatim: `minimized` stops terser from reprocessing Microsoft's files.
    if (!useCdn) copy.push({ from: OFFICE_JS_DIST, to: 'office-js', info: { minimized: true } });
  }
  if (withPlayground) {
    entry.playground = './src/playground/index.tsx';
    plugins.push(
      new HtmlWebpackPlugin({
        filename: playgroundOnly ? 'index.html' : 'playground.html',
        template: './src/playground/playground.html',
        chunks: ['playground'],
      })
    );
    copy.push({ from: PLAYGROUND_DATA, to: 'playground-data' });
  }
  if (copy.length) plugins.push(new CopyWebpackPlugin({ patterns: copy }));
  if (!dev) plugins.push(new StripDocLinksPlugin());

  const server = dev && env.WEBPACK_SERVE ? await devServerHttps() : { type: 'http' };

  return {
    mode,
    context: ROOT,
    entry,
    devtool: dev ? 'source-map' : false,
    output: {
      path: outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      alias: iconsShim ? { '@fluentui/react-icons$': iconsShim } : {},
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent UI and its icons.
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins,
    performance: {
      hints: dev ? false : 'warning',
      maxAssetSize: 1.5e6,
      maxEntrypointSize: 1.5e6,
      // Our bundle only: office-js/ is Microsoft's, copied verbatim (office.d.ts alone is 4.5 MB).
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('office-js/'),
    },
    devServer: {
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server,
      hot: true,
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
