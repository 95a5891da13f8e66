import type { Diagnostic } from '../model/types.js';
import type { EnvSetting } from './types.js';
export interface DotenvRead {
    vars: Map<string, EnvSetting>;
    diagnostic?: Diagnostic;
}
/**
 * dotenv.parse never fails: a line it cannot read is silently dropped. Such a line is reported once
 * (the first one) so that a broken file does not pass as an empty one; the values it does read stay.
 */
export declare function readDotenv(text: string, file: string): DotenvRead;
