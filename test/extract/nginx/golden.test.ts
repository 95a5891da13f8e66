import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/discover/classify.js';
import { nginxScanner } from '../../../src/extract/nginx/scanner.js';
import type { Project } from '../../../src/extract/scanner.js';
import type { SourceFile } from '../../../src/model/types.js';
import { memoryProject } from '../../helpers/memory-project.js';
import { diskProject } from './helpers.js';
import { renderScan } from './render.js';

/**
 * Golden cases: test/fixtures/nginx/golden/<case>.<ext> (one file) or <case>/ (a tree with includes),
 * beside <case>.out with the extracted policies and diagnostics. `UPDATE=1 npx vitest run
 * test/extract/nginx/golden.test.ts` rewrites the .out files; review them before committing.
 */
const DIR = path.join(import.meta.dirname, '../../fixtures/nginx/golden');
const cases = fs
  .readdirSync(DIR)
  .filter((name) => !name.endsWith('.out'))
  .sort();

describe('nginx golden cases', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(15));

  it.each(cases)('%s', async (name) => {
    const full = path.join(DIR, name);
    let project: Project;
    let sources: SourceFile[];
    if (fs.statSync(full).isDirectory()) {
      project = diskProject(full);
      sources = project.allFiles
        .filter((f) => f.language === 'nginx')
        .map((f) => ({ ...f, text: fs.readFileSync(f.absPath, 'utf8') }));
    } else {
      ({ project, sources } = memoryProject({ [name]: fs.readFileSync(full, 'utf8') }, (p) => classify(p)));
    }
    const result = await nginxScanner.scan(sources.filter((s) => nginxScanner.mentionsCors(s.text)), project);
    const rendered = renderScan(result);
    const outFile = path.join(DIR, `${name.replace(/\.[^.]*$/, '').replace(/\.conf$/, '')}.out`);
    if (process.env.UPDATE === '1') fs.writeFileSync(outFile, rendered);
    expect(fs.existsSync(outFile), `${outFile} missing: run with UPDATE=1 and review it`).toBe(true);
    expect(rendered).toBe(fs.readFileSync(outFile, 'utf8'));
  });
});
