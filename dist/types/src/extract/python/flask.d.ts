import type { CorsPolicy } from '../../model/types.js';
import type { Evaluator } from './evaluate.js';
import type { PyModule } from './modules.js';
export declare function probablyRegex(s: string): boolean;
/** Flask-CORS: `CORS(app, ...)`, `CORS()` + `cors.init_app(app, ...)`, `@cross_origin(...)`. */
export declare class FlaskCors {
    private readonly ev;
    private readonly constructors;
    private readonly policies;
    /** Unknown app.config keys found while reading a layer of options. */
    private readonly configProblems;
    constructor(ev: Evaluator);
    scan(mod: PyModule): void;
    /** Constructors without an app and no init_app in the scanned files still describe the app's policy. */
    finish(): CorsPolicy[];
    private isSymbol;
    private initApp;
    /**
     * `app.config["CORS_SUPPORTS_CREDENTIALS"] = True` / `app.config.update(CORS_ORIGINS=...)` in the
     * same module: Flask-CORS reads these below the keyword arguments (get_app_kwarg_dict).
     */
    private appConfig;
    /** CORS_* names a config class (with its bases in the scanned tree) or module defines. */
    private configKeys;
    /** One policy per resources entry; options layer as Flask-CORS merges them (later wins). */
    private emit;
    private emitResources;
    private crossOrigin;
    private policy;
}
