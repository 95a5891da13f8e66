/** Exit codes are public interface: scripts and CI steps branch on them. */
export declare const EXIT_OK = 0;
/** Findings at or above the --fail-on threshold. */
export declare const EXIT_FINDINGS = 1;
/** Usage, configuration or internal error. */
export declare const EXIT_ERROR = 2;
