import type { Span } from '../../model/types.js';
import type { PyNode } from '../../parse/python.js';
import { type ModuleLoader, type PyModule } from './modules.js';
import { type PyValue } from './values.js';
/** Keyword options of a call, after `**dict` splats are merged. */
export interface CallOption {
    value: PyValue;
    /** The `name=value` argument, or the `**splat` it came from. */
    span: Span;
    /** The dict entry that holds it, when it came from a splat of a named dict. */
    definedAt?: Span;
    node: PyNode;
}
export interface CallArgs {
    positional: Array<{
        node: PyNode;
        value: PyValue;
    }>;
    keywords: Map<string, CallOption>;
    /** `**x` that could not be resolved: options not seen may be set there. */
    unresolvedSplats: string[];
}
/**
 * A small evaluator over the syntax tree. It follows names to their last assignment, imports into
 * other files of the scanned tree, class attributes, settings objects and environment defaults,
 * and never executes anything.
 */
export declare class Evaluator {
    private readonly loader;
    private readonly active;
    private readonly memo;
    private readonly locals;
    private depth;
    private importDepth;
    constructor(loader: ModuleLoader);
    eval(node: PyNode | null | undefined, mod: PyModule): PyValue;
    private evalNode;
    /**
     * `a if cond else b` where cond cannot be decided: every branch counts. When the condition reads
     * the environment (`os.getenv("X").split(",") if os.getenv("X") else ["*"]`), a literal branch is
     * what applies while the variable is unset, so it is marked as that variable's default.
     */
    private evalBothBranches;
    private evalString;
    private evalSequence;
    private evalDict;
    private lookupLocal;
    /** The value of `name` as seen at `use`: the last assignment before it in the innermost scope that binds it. */
    lookupName(name: string, use: PyNode, mod: PyModule): PyValue;
    /**
     * A name bound inside `if`/`elif`/`else`: the branch whose condition can be decided, otherwise
     * every branch's value (lists are joined, so an origin allowed in any configuration is seen).
     */
    private branchValue;
    /** The final module-level value of `name` in `mod`, or undefined when the module does not bind it. */
    /** Runs a lookup in another module with the import-cycle guard and the depth count held around it. */
    private acrossModules;
    lookupModuleLevel(name: string, mod: PyModule): PyValue | undefined;
    private lookupStar;
    private withImport;
    /**
     * A binding's value does not depend on where it is read from, so it is computed once
     * (this keeps chains like `A2 = A1 + A1` linear). Comprehension variables never leak into it.
     */
    private evalBinding;
    private evalBindingOnce;
    /** `X.append(v)` and friends after an assignment: the list grows (conditions are not tracked). */
    private mutated;
    /** A dotted name as `importlib.import_string` would read it (`"config.ProdConfig"`), in the scanned tree. */
    evalDotted(dotted: string, from: PyModule): PyValue;
    private importModule;
    private importFrom;
    getAttr(obj: PyValue, attr: string, node: PyNode, mod: PyModule): PyValue;
    /** A class attribute / pydantic field default; env-driven when read from a BaseSettings instance. */
    private classAttr;
    /**
     * The value a property returns, with `self` standing for an instance of `cls` (so `self.X` reads
     * the field default). Only the property's last return is followed, as for functions.
     */
    private propertyValue;
    /**
     * pydantic `Field(default=...)` / `Field(value)` / `Field(default_factory=lambda: value)`, the same
     * for `dataclasses.field` and attrs `attr.ib` / `attrs.field`, or the value itself.
     */
    private fieldDefault;
    /** pydantic-settings `env_prefix` from `model_config = SettingsConfigDict(...)` or a nested `class Config`. */
    private envPrefix;
    private isSettingsClass;
    private evalSubscript;
    private evalBinary;
    private evalComprehension;
    private evalBoolean;
    private evalComparison;
    /** Positional and keyword arguments of a call, with `**dict` splats merged in order. */
    callArgs(call: PyNode, mod: PyModule): CallArgs;
    private evalCall;
    private callSymbol;
    /** An environment read: the default stands in for the value, marked env-driven. */
    private envRead;
    private callFunction;
    private stringMethod;
    /** `"a,b".split(",")`; every piece keeps the literal's span and provenance. */
    private splitString;
}
