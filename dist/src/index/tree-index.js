import { SINKS } from '../knowledge/index.js';
import { PackageIndex } from './packages.js';
import { CalleeResolver } from './resolve.js';
import { Summaries, paramFor } from './summaries.js';
import { alwaysWith } from '../types/platforms.js';
export { isProtected, takesUintptr } from './resolve.js';
export class TreeIndex {
    sinks;
    configuredWrappers;
    packages;
    byImportPath;
    pkgs;
    calls;
    summaries;
    constructor(files, importPathOf, sinks = SINKS, 
    /** Functions outside the tree that configuration declares unprotected uintptr wrappers. */
    configuredWrappers = {}, 
    /** Reports whether an imported package was looked for and found nowhere (modules.ts). */
    isMissing = () => false) {
        this.sinks = sinks;
        this.configuredWrappers = configuredWrappers;
        this.pkgs = new PackageIndex(files, importPathOf);
        this.packages = this.pkgs.packages;
        this.byImportPath = this.pkgs.byImportPath;
        this.calls = new CalleeResolver(this.pkgs, sinks, configuredWrappers, isMissing);
        this.summaries = new Summaries(this.pkgs, this.calls);
    }
    packageOf(file) {
        return this.pkgs.packageOf(file);
    }
    summaryOf(fn) {
        return this.summaries.summaryOf(fn);
    }
    /** Resolves a recorded call of `file` to what it calls. */
    resolve(file, callee) {
        return this.calls.resolve(file, callee);
    }
    /** Maps argument `argIndex` of a call to the callee parameter it binds. */
    paramFor(fn, argIndex) {
        return paramFor(fn, argIndex);
    }
    static paramFor(fn, argIndex) {
        return paramFor(fn, argIndex);
    }
    /**
     * The forwarding chain from parameter `param` of `fn` to the sink: each hop is a call that
     * passes the value on. Bounded and cycle-safe (recursive wrappers). With `from`, build
     * variants that can be built with that file are followed first.
     */
    chainFrom(fn, param, from) {
        return this.summaries.chainFrom(fn, param, from);
    }
    /** The functions `name` of `pkg` that can be built with `from` (every one when none can). */
    funcsNamed(pkg, name, from) {
        return this.pkgs.funcs([pkg], name, from);
    }
    /** Reports whether one of `refs` is declared in every build of `from` (a fix may call it). */
    declaredWherever(from, refs) {
        return alwaysWith(from.build, refs.map((r) => r.file.build));
    }
    /** The methods `recv.name` of `pkg` that can be built with `from` (every one when none can). */
    methodsNamed(pkg, recv, name, from) {
        return this.pkgs.methods([pkg], recv, name, from);
    }
    /** Reports whether a call returns memory the Go collector does not manage (resolve.ts). */
    returnsForeign(file, callee) {
        return this.calls.returnsForeign(file, callee);
    }
    /** Reports whether argument `j` of a call to `t` reaches a sink argument. */
    argReachesSink(t, j, spread, kind) {
        return this.summaries.argReachesSink(t, j, spread, kind);
    }
}
