// Frontend apps in the repository: framework (from package.json dependencies), dev-server origin,
// API base URLs and same-origin dev proxies. Config files are read as text, never executed.
// Framework facts: Vite (and SvelteKit, which runs Vite) serves on 5173 by default (`--port`,
// `server.port`), Next.js and Nuxt on 3000 (`-p`/`--port`, PORT), Create React App on 3000 (PORT,
// package.json `proxy`, src/setupProxy.js), Angular on 4200 (`ng serve --port`, angular.json `port`,
// `proxyConfig`), Vue CLI on 8080 (`--port`, vue.config.js `devServer.port`/`devServer.proxy`).
import path from 'node:path';
import type { Diagnostic, Span } from '../model/types.js';
import type { ContextFile } from '../environment/context-files.js';
import { readDotenv } from '../environment/dotenv.js';
import { isProductionName } from '../environment/types.js';
import type { DevProxy, Frontend, FrontendApiUrl, FrontendFramework, FrontendOrigin } from './types.js';

export interface FrontendReader {
  readText(absPath: string): string | undefined;
  display(absPath: string): string;
  diagnostics: Diagnostic[];
  /** JS/TS files of the scan (absolute): literal API base URLs in the frontend's code. */
  codeFiles?: readonly string[];
}

const DEFAULT_PORT: Record<FrontendFramework, number> = { vite: 5173, sveltekit: 5173, next: 3000, nuxt: 3000, cra: 3000, angular: 4200, 'vue-cli': 8080 };
/** The command that starts each framework's dev server in package.json scripts. */
const DEV_COMMAND: Record<FrontendFramework, RegExp> = {
  vite: /\bvite(?:\s+(?:dev|serve))?(?=\s|$)/,
  sveltekit: /\bvite(?:\s+(?:dev|serve))?(?=\s|$)/,
  next: /\bnext(?:\s+dev)?(?=\s|$)/,
  nuxt: /\b(?:nuxt|nuxi)(?:\s+dev)?(?=\s|$)/,
  cra: /\breact-scripts\s+start\b/,
  angular: /\bng\s+serve\b/,
  'vue-cli': /\bvue-cli-service\s+serve\b/,
};
/** Env variables a framework exposes to browser code. */
const PUBLIC_PREFIX: Record<FrontendFramework, RegExp> = {
  vite: /^VITE_/,
  sveltekit: /^(?:PUBLIC_|VITE_)/,
  next: /^NEXT_PUBLIC_/,
  nuxt: /^NUXT_PUBLIC_/,
  cra: /^REACT_APP_/,
  angular: /^NG_APP_/,
  'vue-cli': /^VUE_APP_/,
};
const API_NAME = /API|BACKEND|SERVER|BASE_?URL|ENDPOINT|HOST/i;

function frameworkOf(deps: Record<string, unknown>): FrontendFramework | undefined {
  if (deps['@sveltejs/kit']) return 'sveltekit';
  if (deps.nuxt || deps.nuxt3) return 'nuxt';
  if (deps.next) return 'next';
  if (deps['@angular/core']) return 'angular';
  if (deps['@vue/cli-service']) return 'vue-cli';
  if (deps['react-scripts']) return 'cra';
  if (deps.vite) return 'vite';
  return undefined;
}

export function spanAt(text: string, offset: number, length: number, file: string): Span {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { file, line, column, endLine: line, endColumn: column + length };
}

export function detectFrontends(files: readonly ContextFile[], io: FrontendReader): Frontend[] {
  const frontends: Frontend[] = [];
  const byDir = new Map<string, ContextFile[]>();
  for (const f of files) {
    const dir = path.dirname(f.absPath);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  for (const pkgFile of files.filter((f) => f.kind === 'package-json')) {
    const text = io.readText(pkgFile.absPath);
    if (text === undefined) continue;
    let pkg: { name?: string; scripts?: Record<string, string>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown>; proxy?: unknown; homepage?: unknown };
    try {
      pkg = JSON.parse(text) as typeof pkg;
    } catch {
      continue;
    }
    if (!pkg || typeof pkg !== 'object') continue;
    const framework = frameworkOf({ ...(pkg.dependencies ?? {}), ...(pkg.devDependencies ?? {}) });
    if (!framework) continue;
    const absDir = path.dirname(pkgFile.absPath);
    const pkgDisplay = io.display(pkgFile.absPath);
    const local = byDir.get(absDir) ?? [];
    const frontend: Frontend = {
      framework,
      name: typeof pkg.name === 'string' ? pkg.name : path.basename(absDir),
      dir: path.dirname(pkgDisplay),
      absDir,
      packageJson: spanAt(text, Math.max(0, text.indexOf('"dependencies"')), 14, pkgDisplay),
      origins: [],
      apiUrls: [],
      proxies: [],
    };
    const configs = local.filter((f) => f.kind === 'frontend-config').map((f) => ({ abs: f.absPath, base: path.basename(f.absPath), text: io.readText(f.absPath) ?? '' }));
    const deeper = files.filter((f) => f.kind === 'frontend-config' && path.dirname(f.absPath).startsWith(absDir + path.sep) && /^(?:setupProxy|environment|proxy\.conf)/.test(path.basename(f.absPath)));
    for (const f of deeper) configs.push({ abs: f.absPath, base: path.basename(f.absPath), text: io.readText(f.absPath) ?? '' });
    const envFiles = local.filter((f) => f.kind === 'dotenv').map((f) => ({ abs: f.absPath, base: path.basename(f.absPath), text: io.readText(f.absPath) ?? '' }));

    frontend.origins.push(devOrigin(framework, pkg.scripts ?? {}, text, pkgDisplay, configs, envFiles, io));
    // The deployed URL, where package.json states one (`homepage`, which Create React App builds for).
    if (typeof pkg.homepage === 'string' && /^https?:\/\/[^/]/i.test(pkg.homepage)) {
      try {
        const at = text.indexOf('"homepage"');
        frontend.origins.push({ origin: new URL(pkg.homepage).origin, environment: 'production', how: 'homepage in package.json', span: spanAt(text, Math.max(0, at), 10, pkgDisplay) });
      } catch {
        // not a URL
      }
    }
    // API base URLs: public env variables in the frontend's env files.
    for (const env of envFiles) {
      if (/\.(?:example|sample|template|dist)$/i.test(env.base)) continue;
      const environment = envEnvironment(env.base);
      for (const [name, setting] of readDotenv(env.text, io.display(env.abs)).vars) {
        if (!PUBLIC_PREFIX[framework].test(name) || !API_NAME.test(name) || !/^https?:\/\//i.test(setting.value as string)) continue;
        frontend.apiUrls.push({ url: setting.value as string, environment, how: `${name} in ${env.base}`, span: setting.span });
      }
    }
    for (const c of configs) frontend.apiUrls.push(...configApiUrls(c, io.display(c.abs)));
    const nested = files.filter((f) => f.kind === 'package-json' && f !== pkgFile && f.absPath.startsWith(absDir + path.sep)).map((f) => path.dirname(f.absPath) + path.sep);
    for (const abs of io.codeFiles ?? []) {
      if (!abs.startsWith(absDir + path.sep) || nested.some((n) => abs.startsWith(n)) || /\.config\.[cm]?[jt]s$/.test(abs)) continue;
      const code = io.readText(abs);
      if (code && /https?:\/\//.test(code)) frontend.apiUrls.push(...codeApiUrls(code, io.display(abs)));
    }
    frontend.proxies.push(...proxies(framework, pkg, text, pkgDisplay, configs, io));
    frontends.push(frontend);
  }
  return frontends;
}

function envEnvironment(base: string): string {
  const name = /^\.env\.([\w-]+?)(?:\.local)?$/.exec(base)?.[1];
  if (!name || name === 'local') return 'development';
  return isProductionName(name) ? 'production' : name;
}

type Config = { abs: string; base: string; text: string };

function devOrigin(framework: FrontendFramework, scripts: Record<string, string>, pkgText: string, pkgDisplay: string, configs: Config[], envFiles: Config[], io: FrontendReader): FrontendOrigin {
  const scriptName = ['dev', 'start', 'serve', 'develop'].find((n) => typeof scripts[n] === 'string' && DEV_COMMAND[framework].test(scripts[n]!));
  const script = scriptName ? scripts[scriptName]! : undefined;
  const at = (needle: string) => spanAt(pkgText, Math.max(0, pkgText.indexOf(needle)), needle.length, pkgDisplay);
  const origin = (port: number | string, how: string, span?: Span): FrontendOrigin => ({ origin: `http://localhost:${port}`, environment: 'development', how, span });
  if (script) {
    const flag = /(?:--port[=\s]+|(?:^|\s)-p[=\s]+)(\d{2,5})\b/.exec(script);
    if (flag && framework !== 'cra') return origin(flag[1]!, `${flag[0].trim()} in the ${scriptName} script`, at(flag[0].trim()));
    const envPort = /(?:^|\s)(?:cross-env\s+)?(?:NUXT_PORT|PORT)=(\d{2,5})\b/.exec(script);
    if (envPort && framework !== 'vite' && framework !== 'sveltekit' && framework !== 'angular' && framework !== 'vue-cli') return origin(envPort[1]!, `${envPort[0].trim()} in the ${scriptName} script`, at(envPort[0].trim()));
  }
  for (const c of configs) {
    const display = io.display(c.abs);
    if (/^(?:vite|svelte)\.config/.test(c.base) && (framework === 'vite' || framework === 'sveltekit')) {
      const m = /\bserver\s*:\s*\{[^]*?\bport\s*:\s*(\d{2,5})/.exec(c.text);
      if (m) return origin(m[1]!, `server.port in ${c.base}`, spanAt(c.text, m.index + m[0].lastIndexOf(m[1]!), m[1]!.length, display));
    }
    if (/^vue\.config/.test(c.base) && framework === 'vue-cli') {
      const m = /\bdevServer\s*:\s*\{[^]*?\bport\s*:\s*(\d{2,5})/.exec(c.text);
      if (m) return origin(m[1]!, `devServer.port in ${c.base}`, spanAt(c.text, m.index + m[0].lastIndexOf(m[1]!), m[1]!.length, display));
    }
    if (/^nuxt\.config/.test(c.base) && framework === 'nuxt') {
      const m = /\bdevServer\s*:\s*\{[^]*?\bport\s*:\s*(\d{2,5})/.exec(c.text);
      if (m) return origin(m[1]!, `devServer.port in ${c.base}`, spanAt(c.text, m.index + m[0].lastIndexOf(m[1]!), m[1]!.length, display));
    }
    if (c.base === 'angular.json' && framework === 'angular') {
      const m = /"serve"\s*:\s*\{[^]*?"port"\s*:\s*(\d{2,5})/.exec(c.text);
      if (m) return origin(m[1]!, `serve options port in angular.json`, spanAt(c.text, m.index + m[0].lastIndexOf(m[1]!), m[1]!.length, display));
    }
  }
  // PORT in the frontend's .env: Create React App, Next.js and Nuxt read it.
  if (framework === 'cra' || framework === 'next' || framework === 'nuxt') {
    for (const env of envFiles.filter((e) => /^\.env(?:\.development)?(?:\.local)?$/.test(e.base))) {
      const vars = readDotenv(env.text, io.display(env.abs)).vars;
      const port = (framework === 'nuxt' ? vars.get('NUXT_PORT') : undefined) ?? vars.get('PORT');
      if (port && /^\d{2,5}$/.test(String(port.value))) return origin(port.value, `PORT in ${env.base}`, port.span);
    }
  }
  return origin(DEFAULT_PORT[framework], `the ${frameworkName(framework)} dev server's default port`, script ? at(script) : undefined);
}

function frameworkName(f: FrontendFramework): string {
  return { vite: 'Vite', sveltekit: 'SvelteKit (Vite)', next: 'Next.js', nuxt: 'Nuxt', cra: 'Create React App', angular: 'Angular CLI', 'vue-cli': 'Vue CLI' }[f];
}

/** Literal base URLs in config and environment files: axios `baseURL`, `apiUrl` in Angular environments, `|| 'http://…'` defaults. */
function configApiUrls(c: Config, display: string): FrontendApiUrl[] {
  const out: FrontendApiUrl[] = [];
  if (!/^environment/.test(c.base)) return out;
  const environment = /environment\.(?:prod|production)\.ts$/.test(c.base) ? 'production' : /^environment(?:\.development|\.dev)?\.ts$/.test(c.base) ? 'development' : c.base.replace(/^environment\.|\.ts$/g, '');
  for (const m of c.text.matchAll(/\b(\w*(?:api|backend|server|base)\w*)\s*:\s*['"`](https?:\/\/[^'"`\s]+)['"`]/gi)) {
    out.push({ url: m[2]!, environment, how: `${m[1]} in ${c.base}`, span: spanAt(c.text, m.index! + m[0].indexOf(m[2]!), m[2]!.length, display) });
  }
  return out;
}

/** API base URLs written literally in the frontend's own code (axios.create baseURL, fetch, env fallbacks). */
export function codeApiUrls(text: string, display: string): FrontendApiUrl[] {
  const out: FrontendApiUrl[] = [];
  const push = (url: string, how: string, offset: number) => {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return;
    }
    // Only loopback URLs: a deployed host written in code is as often a third-party API as the backend.
    if (!/^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::|$)/.test(origin)) return;
    out.push({ url, environment: 'development', how: `${how} in code`, span: spanAt(text, offset, url.length, display) });
  };
  for (const m of text.matchAll(/\bbaseURL\s*:\s*['"`](https?:\/\/[^'"`\s$]+)/g)) push(m[1]!, 'axios baseURL', m.index! + m[0].indexOf(m[1]!));
  for (const m of text.matchAll(/\b(?:fetch|axios(?:\.(?:get|post|put|patch|delete|request))?)\(\s*['"`](https?:\/\/[^'"`\s$]+)/g)) push(m[1]!, m[0].split('(')[0]!, m.index! + m[0].indexOf(m[1]!));
  for (const m of text.matchAll(/\b(?:process\.env|import\.meta\.env)\.(\w+)\s*(?:\|\||\?\?)\s*['"`](https?:\/\/[^'"`\s$]+)/g)) push(m[2]!, `default of ${m[1]}`, m.index! + m[0].indexOf(m[2]!));
  for (const m of text.matchAll(/\b(?:const|let|var|export const)\s+(\w*(?:API|BACKEND|SERVER|BASE)\w*)\s*=\s*['"`](https?:\/\/[^'"`\s$]+)/gi)) push(m[2]!, m[1]!, m.index! + m[0].indexOf(m[2]!));
  return out;
}

function objectBlock(text: string, from: number): string {
  const open = text.indexOf('{', from);
  if (open < 0) return '';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** Proxy table entries: `'/api': 'http://…'`, `'/api': { target: 'http://…' }`, `"/api/**": { "target": … }`. */
function proxyEntries(block: string, blockOffset: number, text: string, display: string, how: string): DevProxy[] {
  const out: DevProxy[] = [];
  for (const m of block.matchAll(/['"`]?(\^?\/[\w\-./*:^$]*)['"`]?\s*:\s*(?:['"`]([^'"`]+)['"`]|\{([^{}]*)\})/g)) {
    const target = m[2] ?? /\btarget['"]?\s*:\s*['"`]([^'"`]+)['"`]/.exec(m[3] ?? '')?.[1] ?? 'unknown';
    out.push({ prefix: m[1]!.replace(/^\^/, ''), target, how, span: spanAt(text, blockOffset + m.index!, m[1]!.length + 2, display) });
  }
  return out;
}

function proxies(framework: FrontendFramework, pkg: { proxy?: unknown }, pkgText: string, pkgDisplay: string, configs: Config[], io: FrontendReader): DevProxy[] {
  const out: DevProxy[] = [];
  if (framework === 'cra' && typeof pkg.proxy === 'string') {
    const at = pkgText.indexOf('"proxy"');
    out.push({ prefix: '/', target: pkg.proxy, how: 'the proxy field of package.json', span: spanAt(pkgText, Math.max(0, at), 7, pkgDisplay) });
  }
  for (const c of configs) {
    const display = io.display(c.abs);
    if (/^(?:vite|vue|nuxt)\.config/.test(c.base)) {
      for (const m of c.text.matchAll(/\b(proxy|devProxy)\s*:\s*/g)) {
        const after = c.text.slice(m.index! + m[0].length);
        const literal = /^['"`]([^'"`]+)['"`]/.exec(after);
        if (literal) {
          out.push({ prefix: '/', target: literal[1]!, how: `devServer.proxy in ${c.base}`, span: spanAt(c.text, m.index!, m[0].length, display) });
          continue;
        }
        const block = objectBlock(c.text, m.index! + m[0].length);
        out.push(...proxyEntries(block, c.text.indexOf(block, m.index!), c.text, display, `${c.base.startsWith('vite') ? 'server.proxy' : m[1]} in ${c.base}`));
      }
      for (const m of c.text.matchAll(/['"`](\/[\w\-./]*)\*{0,2}['"`]\s*:\s*\{\s*proxy\s*:\s*['"`]([^'"`]+)['"`]/g)) {
        out.push({ prefix: m[1]!, target: m[2]!, how: `routeRules proxy in ${c.base}`, span: spanAt(c.text, m.index!, m[1]!.length + 2, display) });
      }
    }
    if (/^next\.config/.test(c.base)) {
      for (const m of c.text.matchAll(/source\s*:\s*['"`]([^'"`]+)['"`]\s*,\s*destination\s*:\s*(?:['"`]([^'"`]+)['"`]|`([^`]+)`|([^,}\n]+))/g)) {
        const destination = m[2] ?? m[3] ?? 'unknown';
        if (!/^(?:https?:\/\/|\$\{|unknown)/.test(destination) && m[4] === undefined) continue;
        out.push({ prefix: m[1]!.replace(/[:(].*$/, ''), target: /^https?:\/\//.test(destination) ? originOf(destination) : 'unknown', how: `rewrites in ${c.base}`, span: spanAt(c.text, m.index!, 6, display) });
      }
    }
    if (/^setupProxy/.test(c.base)) {
      for (const m of c.text.matchAll(/(?:createProxyMiddleware|proxy)\(\s*(?:['"`]([^'"`]+)['"`]\s*,\s*)?\{[^}]*?target\s*:\s*(?:['"`]([^'"`]+)['"`]|([\w.]+))/g)) {
        out.push({ prefix: m[1] ?? '/', target: m[2] ?? 'unknown', how: `src/setupProxy.js`, span: spanAt(c.text, m.index!, 10, display) });
      }
    }
    if (/^proxy\.conf/.test(c.base) || (c.base === 'angular.json' && /"proxyConfig"/.test(c.text))) {
      if (c.base === 'angular.json') continue;
      out.push(...proxyEntries(c.text, 0, c.text, display, c.base));
    }
  }
  return out;
}

/** `http://localhost:8000/:path*` -> `http://localhost:8000` (Next.js destinations carry path patterns). */
function originOf(url: string): string {
  try {
    return new URL(url.replace(/\/:\w+\*?/g, '/x')).origin;
  } catch {
    return url;
  }
}
