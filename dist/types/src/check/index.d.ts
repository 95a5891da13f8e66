export { runCheck, checkPolicy, CHECK_EXIT_ALLOWED, CHECK_EXIT_BLOCKED, CHECK_EXIT_USAGE, type CheckResult, type CheckRun } from './run-check.js';
export { renderCheck, type RenderContext } from './render.js';
export { parseCheckArgs, validateCheckArgs, isSerializedOrigin, CheckUsageError, CHECK_HELP, type CheckArgs } from './args.js';
export { checkMain, type CheckIo } from './main.js';
