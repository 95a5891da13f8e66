// The whole `cors-lint check` sub-command: argv in, output written, exit code out.
import { CHECK_HELP, CheckUsageError, parseCheckArgs } from './args.js';
import { renderCheck } from './render.js';
import { CHECK_EXIT_USAGE, runCheck } from './run-check.js';

export interface CheckIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function checkMain(argv: string[], io: CheckIo): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(argv, io.cwd);
  } catch (error) {
    if (!(error instanceof CheckUsageError)) throw error;
    io.stderr(`cors-lint check: ${error.message}\n\n${CHECK_HELP}`);
    return CHECK_EXIT_USAGE;
  }
  if (args === 'help') {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const run = await runCheck(args);
  if (run.error) {
    io.stderr(`cors-lint check: ${run.error}\n`);
    return run.exitCode;
  }
  io.stdout(renderCheck(run.results, args.format, { request: run.request, cwd: io.cwd, fromFrontends: run.fromFrontends }));
  if (args.format === 'text' && run.diagnostics.length) {
    for (const d of run.diagnostics) io.stderr(`${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}: ${d.kind}: ${d.message}\n`);
  }
  return run.exitCode;
}
