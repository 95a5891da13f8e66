// Per fixable rule and stack: before -> after (exact text), the re-lint no longer reports the finding,
// and the fixed file still parses with an independent parser (CPython, typescript-estree, nginx -t).
import { describe, expect, it } from 'vitest';
import { expectJsParses, expectNginxAccepts, expectPythonParses, fixTree, nginxMain, ruleIdsIn } from './helpers.js';

const FASTAPI = (origins: string, extra = '') => `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=${origins},${extra}
)
`;

describe('malformed-origin', () => {
  it('FastAPI: drops a trailing slash, a default port and uppercase, keeping each literal\'s quotes (safe)', async () => {
    const t = await fixTree({ 'main.py': FASTAPI(`["https://a.example.com/", 'https://B.Example.com:443', "https://ok.example.com"]`) });
    expect(t.read('main.py')).toBe(FASTAPI(`["https://a.example.com", 'https://b.example.com', "https://ok.example.com"]`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    await expectPythonParses(t.dir, 'main.py');
    expect(t.code).toBe(0);
  });

  it('Starlette: a string where a list is wanted becomes a list of that origin (safe)', async () => {
    const t = await fixTree({ 'main.py': FASTAPI(`'https://reports.example.com'`) });
    expect(t.read('main.py')).toBe(FASTAPI(`['https://reports.example.com']`));
    expect(await ruleIdsIn(t.dir)).toEqual([]);
    await expectPythonParses(t.dir, 'main.py');
  });

  it('leaves a string that is an environment default alone (the variable would stay a string)', async () => {
    const files = { 'main.py': `import os\n${FASTAPI(`os.getenv("ORIGINS", "https://reports.example.com")`)}` };
    const t = await fixTree(files);
    expect(t.read('main.py')).toBe(files['main.py']);
    expect(await ruleIdsIn(t.dir)).toContain('malformed-origin');
  });

  it('fixes the constant where it is defined when the origin comes from one', async () => {
    const t = await fixTree({ 'main.py': `ORIGIN = "https://app.example.com/"\n${FASTAPI('[ORIGIN]')}` });
    expect(t.read('main.py')).toBe(`ORIGIN = "https://app.example.com"\n${FASTAPI('[ORIGIN]')}`);
    expect(await ruleIdsIn(t.dir)).toEqual([]);
  });

  it('Express cors: fixes an origin in an array, keeping single quotes (safe)', async () => {
    const js = (o: string) => `const express = require('express');\nconst cors = require('cors');\nconst app = express();\napp.use(cors({ origin: [${o}] }));\n`;
    const t = await fixTree({ 'server.js': js(`'https://App.example.com/'`) });
    expect(t.read('server.js')).toBe(js(`'https://app.example.com'`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    expectJsParses(t.dir, 'server.js');
  });

  it('django-cors-headers: a trailing slash (its check E014) is dropped (safe)', async () => {
    const settings = (o: string) => `INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = [\n    ${o},\n]\n`;
    const t = await fixTree({ 'settings.py': settings(`"https://shop.example.com/"`) });
    expect(t.read('settings.py')).toBe(settings(`"https://shop.example.com"`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    await expectPythonParses(t.dir, 'settings.py');
  });

  it('a dropped path changes which origin is trusted: unsafe, applied only with --unsafe-fixes', async () => {
    const files = { 'main.py': FASTAPI(`["https://app.example.com/login"]`) };
    const safeOnly = await fixTree(files);
    expect(safeOnly.read('main.py')).toBe(files['main.py']);
    expect(safeOnly.code).toBe(1);
    const unsafe = await fixTree(files, ['--fix', '--unsafe-fixes']);
    expect(unsafe.read('main.py')).toBe(FASTAPI(`["https://app.example.com"]`));
    expect(await ruleIdsIn(unsafe.dir)).toEqual([]);
  });
});

describe('cors-headers-without-always (nginx)', () => {
  const server = (a: string, b: string) => `server {
    listen 127.0.0.1:8080;
    location / {
        add_header Access-Control-Allow-Origin "https://app.example.com"${a};
        add_header Access-Control-Allow-Credentials true${b};   # credentials
        add_header X-Frame-Options DENY;
        root html;
    }
}`;

  it('adds `always` to every Access-Control-* add_header of the block in one fix (safe), nginx -t accepts it', async () => {
    const t = await fixTree({ 'nginx.conf': nginxMain(server('', '')) });
    expect(t.read('nginx.conf')).toBe(nginxMain(server(' always', ' always')));
    expect(await ruleIdsIn(t.dir)).not.toContain('cors-headers-without-always');
    expectNginxAccepts(t.dir, 'nginx.conf');
  });
});

describe('missing-vary-origin', () => {
  it('nginx: adds `add_header Vary Origin always;` after the reflecting add_header, same indentation (safe)', async () => {
    const server = (vary: string) => `server {
    listen 127.0.0.1:8080;
    location /public/ {
        add_header Access-Control-Allow-Origin $http_origin always;
${vary}        return 200;
    }
}`;
    const t = await fixTree({ 'nginx.conf': nginxMain(server('')) });
    expect(t.read('nginx.conf')).toBe(nginxMain(server('        add_header Vary Origin always;\n')));
    expect(await ruleIdsIn(t.dir)).not.toContain('missing-vary-origin');
    expectNginxAccepts(t.dir, 'nginx.conf');
  });

  it('Express: adds res.vary(\'Origin\') after the hand-written header (safe)', async () => {
    const js = (vary: string) => `const express = require('express');
const app = express();
app.get('/x', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
${vary}  res.json({});
});
`;
    const t = await fixTree({ 'server.js': js('') });
    expect(t.read('server.js')).toBe(js("  res.vary('Origin');\n"));
    expect(await ruleIdsIn(t.dir)).not.toContain('missing-vary-origin');
    expectJsParses(t.dir, 'server.js');
  });

  it('offers nothing for a header set only under a condition (the other responses need Vary too)', async () => {
    const js = `const express = require('express');
const app = express();
app.get('/x', (req, res) => {
  if (req.headers.origin && req.headers.origin.endsWith('.example.com')) {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  res.json({});
});
`;
    const t = await fixTree({ 'server.js': js });
    expect(t.read('server.js')).toBe(js);
    expect(await ruleIdsIn(t.dir)).toContain('missing-vary-origin');
  });

  it('Flask: adds response.headers.add("Vary", "Origin") (safe)', async () => {
    const py = (vary: string) => `from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.after_request\ndef add_cors(response):\n    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "")\n${vary}    return response\n`;
    const t = await fixTree({ 'app.py': py('') });
    expect(t.read('app.py')).toBe(py('    response.headers.add("Vary", "Origin")\n'));
    expect(await ruleIdsIn(t.dir)).not.toContain('missing-vary-origin');
    await expectPythonParses(t.dir, 'app.py');
  });

  it('FastAPI middleware: adds response.headers.append(\'Vary\', \'Origin\') (safe)', async () => {
    const py = (vary: string) => `from fastapi import FastAPI, Request\n\napp = FastAPI()\n\n\n@app.middleware("http")\nasync def cors(request: Request, call_next):\n    response = await call_next(request)\n    response.headers['Access-Control-Allow-Origin'] = request.headers.get("origin", "")\n${vary}    return response\n`;
    const t = await fixTree({ 'main.py': py('') });
    expect(t.read('main.py')).toBe(py("    response.headers.append('Vary', 'Origin')\n"));
    expect(await ruleIdsIn(t.dir)).not.toContain('missing-vary-origin');
    await expectPythonParses(t.dir, 'main.py');
  });
});

describe('invalid-cors-option (unsafe)', () => {
  it('Starlette: renames allow_credantials to allow_credentials only with --unsafe-fixes', async () => {
    const files = { 'main.py': FASTAPI('["https://app.example.com"]', '\n    allow_credantials=True,') };
    const safeOnly = await fixTree(files);
    expect(safeOnly.read('main.py')).toBe(files['main.py']);
    const t = await fixTree(files, ['--fix', '--unsafe-fixes']);
    expect(t.read('main.py')).toBe(FASTAPI('["https://app.example.com"]', '\n    allow_credentials=True,'));
    expect(await ruleIdsIn(t.dir)).not.toContain('invalid-cors-option');
    await expectPythonParses(t.dir, 'main.py');
  });

  it('npm cors: renames origins: to origin:', async () => {
    const js = (key: string) => `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({ ${key}: ['https://app.example.com'] }));\n`;
    const t = await fixTree({ 'server.ts': js('origins') }, ['--fix', '--unsafe-fixes']);
    expect(t.read('server.ts')).toBe(js('origin'));
    expect(await ruleIdsIn(t.dir)).not.toContain('invalid-cors-option');
    expectJsParses(t.dir, 'server.ts');
  });

  it('offers no rename when the real option is written too (it would be repeated)', async () => {
    const files = { 'main.py': FASTAPI('["https://app.example.com"]', '\n    allow_credantials=True,\n    allow_credentials=True,') };
    const t = await fixTree(files, ['--fix', '--unsafe-fixes']);
    expect(t.read('main.py')).toBe(files['main.py']);
  });
});

describe('permissive-origin-regex (unsafe)', () => {
  it('django: anchors the end of a re.match pattern in a raw string', async () => {
    const settings = (p: string) => `CORS_ALLOWED_ORIGIN_REGEXES = [${p}]\nCORS_ALLOW_CREDENTIALS = True\n`;
    const t = await fixTree({ 'settings.py': settings(String.raw`r"^https://\w+\.example\.com"`) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('settings.py')).toBe(settings(String.raw`r"^https://\w+\.example\.com$"`));
    expect(await ruleIdsIn(t.dir)).not.toContain('permissive-origin-regex');
    await expectPythonParses(t.dir, 'settings.py');
  });

  it('Starlette: escapes the dots of a fullmatch pattern, making a plain string raw', async () => {
    const t = await fixTree({ 'main.py': FASTAPI('[]', `\n    allow_origin_regex="https://app.example.com",`) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('main.py')).toBe(FASTAPI('[]', String.raw`
    allow_origin_regex=r"https://app\.example\.com",`));
    expect(await ruleIdsIn(t.dir)).not.toContain('permissive-origin-regex');
    await expectPythonParses(t.dir, 'main.py');
  });

  it('npm cors: escapes and anchors a RegExp literal', async () => {
    const js = (re: string) => `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({ origin: ${re} }));\n`;
    const t = await fixTree({ 'server.js': js(String.raw`/https:\/\/app.example.com/`) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('server.js')).toBe(js(String.raw`/^https:\/\/app\.example\.com$/`));
    expect(await ruleIdsIn(t.dir)).not.toContain('permissive-origin-regex');
    expectJsParses(t.dir, 'server.js');
  });

  it('offers nothing when anchoring would admit no origin at all (the right pattern is a human choice)', async () => {
    const js = `const cors = require('cors');\nconst app = require('express')();\napp.use(cors({ origin: /example\\.com$/ }));\n`;
    const t = await fixTree({ 'server.js': js }, ['--fix', '--unsafe-fixes']);
    expect(t.read('server.js')).toBe(js);
    expect(await ruleIdsIn(t.dir)).toContain('permissive-origin-regex');
  });
});

describe('malformed-origin and permissive-origin-regex on the other stacks', () => {
  it('Flask-CORS: trailing slash and uppercase in one literal', async () => {
    const app = (o: string) => `from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, origins=[${o}], supports_credentials=True)\n`;
    const t = await fixTree({ 'app.py': app(`"https://App.example.com/"`) });
    expect(t.read('app.py')).toBe(app(`"https://app.example.com"`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    await expectPythonParses(t.dir, 'app.py');
  });

  it('NestJS enableCors: an explicit :443', async () => {
    const ts = (o: string) => `import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors({ origin: ${o}, credentials: true });\n}\nbootstrap();\n`;
    const t = await fixTree({ 'main.ts': ts(`'https://app.example.com:443'`) });
    expect(t.read('main.ts')).toBe(ts(`'https://app.example.com'`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    expectJsParses(t.dir, 'main.ts');
  });

  it('@fastify/cors: a string and a RegExp in one array, the RegExp with --unsafe-fixes', async () => {
    const js = (a: string, b: string) => `import Fastify from 'fastify';\nimport cors from '@fastify/cors';\n\nconst app = Fastify();\nawait app.register(cors, { origin: [${a}, ${b}] });\n`;
    const t = await fixTree({ 'server.mjs': js(`"https://app.example.com/"`, String.raw`/https:\/\/admin.example.com/`) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('server.mjs')).toBe(js(`"https://app.example.com"`, String.raw`/^https:\/\/admin\.example\.com$/`));
    expect(await ruleIdsIn(t.dir)).toEqual([]);
    expectJsParses(t.dir, 'server.mjs');
  });

  it('@koa/cors: a verbatim origin with uppercase', async () => {
    const js = (o: string) => `const Koa = require('koa');\nconst cors = require('@koa/cors');\nconst app = new Koa();\napp.use(cors({ origin: ${o}, credentials: true }));\n`;
    const t = await fixTree({ 'app.js': js(`'https://App.example.com'`) });
    expect(t.read('app.js')).toBe(js(`'https://app.example.com'`));
    expect(await ruleIdsIn(t.dir)).not.toContain('malformed-origin');
    expectJsParses(t.dir, 'app.js');
  });

  it('nginx map: a quoted key with a trailing slash, and a ~ key escaped and anchored; nginx -t accepts both', async () => {
    const server = (a: string, b: string) => `map $http_origin $cors_origin {
    default "";
    ${a} $http_origin;
    ${b} $http_origin;
}
server {
    listen 127.0.0.1:8080;
    location / {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Vary Origin always;
        root html;
    }
}`;
    const t = await fixTree({ 'nginx.conf': nginxMain(server(`"https://app.example.com/"`, '~^https://api.example.com')) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('nginx.conf')).toBe(nginxMain(server(`"https://app.example.com"`, String.raw`~^https://api\.example\.com$`)));
    expect(await ruleIdsIn(t.dir)).toEqual([]);
    expectNginxAccepts(t.dir, 'nginx.conf');
  });
});

describe('one fix is the whole fix', () => {
  it('an origin with whitespace and a trailing slash is corrected in one edit (so --diff shows all of it)', async () => {
    const t = await fixTree({ 'main.py': FASTAPI(`[" https://a.example.com/ "]`) }, ['--diff']);
    expect(t.stdout).toContain(`+    allow_origins=["https://a.example.com"],`);
  });

  it('django-cors-headers: a misspelled setting is renamed, unless the real one is set elsewhere in the module', async () => {
    const settings = (name: string, extra = '') => `INSTALLED_APPS = ["corsheaders"]\n${name} = ["https://app.example.com"]\n${extra}`;
    const t = await fixTree({ 'settings.py': settings('CORS_ALLOWED_ORIGIN') }, ['--fix', '--unsafe-fixes']);
    expect(t.read('settings.py')).toBe(settings('CORS_ALLOWED_ORIGINS'));
    expect(await ruleIdsIn(t.dir)).not.toContain('invalid-cors-option');
    await expectPythonParses(t.dir, 'settings.py');
    const both = settings('CORS_ALLOWED_ORIGIN', 'CORS_ALLOWED_ORIGINS = []\n');
    expect((await fixTree({ 'settings.py': both }, ['--fix', '--unsafe-fixes'])).read('settings.py')).toBe(both);
  });
});

describe('permissive-origin-regex in an nginx if', () => {
  it('escapes and anchors the regex of `if ($http_origin ~* ...)`, keeping the closing parenthesis; nginx -t accepts it', async () => {
    const server = (re: string) => `server {
    listen 127.0.0.1:8080;
    location / {
        set $cors "";
        if ($http_origin ~* ${re}) {
            set $cors $http_origin;
        }
        add_header Access-Control-Allow-Origin $cors always;
        add_header Vary Origin always;
        root html;
    }
}`;
    const t = await fixTree({ 'nginx.conf': nginxMain(server('^https://(app|www).example.com')) }, ['--fix', '--unsafe-fixes']);
    expect(t.read('nginx.conf')).toBe(nginxMain(server(String.raw`^https://(app|www)\.example\.com$`)));
    expect(await ruleIdsIn(t.dir)).toEqual([]);
    expectNginxAccepts(t.dir, 'nginx.conf');
  });
});
