import { UsageError } from './args.js';
import type { Io } from './main.js';

/** `cors-lint check`: wired to the simulator. */
export async function runCheckCli(argv: string[], io: Io): Promise<number> {
  void argv;
  void io;
  throw new UsageError('check is not available in this build');
}
