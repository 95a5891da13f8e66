// Entry of the GitHub Action (bundled into dist/action.js by `npm run build`).
import * as core from '@actions/core';
import { runAction } from './run-action.js';

try {
  await runAction();
} catch (error) {
  core.setFailed(`cors-lint: internal error: ${(error as Error).stack ?? String(error)}`);
}
