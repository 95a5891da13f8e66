// Writes a synthetic repository: many ordinary source files and a few with CORS configuration,
// the proportion a real service repository has.
import fs from 'node:fs';
import path from 'node:path';

const pyPlain = (i) => `import os\nimport json\n\n\nclass Service${i}:\n    def __init__(self, db):\n        self.db = db\n\n${Array.from({ length: 40 }, (_, j) => `    def method_${j}(self, item_id: int) -> dict:\n        row = self.db.get(item_id)\n        if row is None:\n            return {"error": "missing", "id": item_id}\n        return json.loads(row) | {"n": ${j}}\n`).join('\n')}`;
const pyCors = (i) => `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\nimport os\n\nORIGINS = os.getenv("ORIGINS_${i}", "https://app${i}.example.com,https://admin.example.com").split(",")\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_origin_regex=r"https://.*\\.example\\.com", allow_credentials=True, allow_methods=["*"], allow_headers=["*"])\n${pyPlain(i)}`;
const jsPlain = (i) => `'use strict';\nconst path = require('path');\n\n${Array.from({ length: 40 }, (_, j) => `function handler${i}_${j}(req, res) {\n  const id = Number(req.params.id);\n  if (!Number.isFinite(id)) { return res.status(400).json({ error: 'bad id' }); }\n  return res.json({ id, n: ${j}, file: path.join('/data', String(id)) });\n}\nmodule.exports.handler${i}_${j} = handler${i}_${j};\n`).join('\n')}`;
const jsCors = (i) => `const express = require('express');\nconst cors = require('cors');\nconst app = express();\nconst allowed = [/example\\.com$/, 'https://app${i}.example.com'];\napp.use(cors({ origin: allowed, credentials: true }));\napp.get('/x', (req, res) => { res.setHeader('Access-Control-Allow-Origin', req.headers.origin); res.end(); });\n${jsPlain(i)}`;
const nginx = (i) => `server {\n    listen 80;\n    server_name s${i}.example.com;\n    add_header Access-Control-Allow-Origin $http_origin;\n    add_header Access-Control-Allow-Credentials true;\n${Array.from({ length: 20 }, (_, j) => `    location /p${j}/ {\n        proxy_pass http://127.0.0.1:${8000 + j};\n        proxy_set_header Host $host;\n${j % 3 === 0 ? '        add_header X-Frame-Options DENY;\n' : ''}    }\n`).join('')}}\n`;

export function writeCorpus(dir, { files = 400, corsEvery = 10 } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < files; i++) {
    const cors = i % corsEvery === 0;
    const write = (rel, text) => {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    write(`py/pkg${i % 20}/mod${i}.py`, cors ? pyCors(i) : pyPlain(i));
    write(`js/lib${i % 20}/mod${i}.js`, cors ? jsCors(i) : jsPlain(i));
    if (i % 8 === 0) write(`nginx/conf.d/site${i}.conf`, nginx(i));
  }
}
