// The text of the files being reported on, read once after extraction and checked against the
// digest of the text their facts came from. A file truncated or rewritten while pinlint ran would
// otherwise be reported with lines that are no longer there, regions past its end and no
// partialFingerprints (fuzz and file-system campaign, issue 12): such a file's findings are
// withdrawn and the run ends with an error that names it.
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { digestOf, readGoFile } from './read.js';
export class Sources {
    root;
    limits;
    texts = new Map();
    digests = new Map();
    /** Files whose text is not the one they were analyzed from. */
    changed = new Set();
    /** `limits`: each file's limits by absolute path, those it was read with for the analysis (a
     * second read under a smaller size limit would call every larger file changed). */
    constructor(root, files, limits = () => DEFAULT_LIMITS) {
        this.root = root;
        this.limits = limits;
        for (const f of files)
            if (f.digest)
                this.digests.set(f.path, f.digest);
    }
    /** The text a file was analyzed from, or undefined when it can no longer be read as such. */
    text(path) {
        if (this.texts.has(path))
            return this.texts.get(path);
        const abs = join(this.root, path);
        const r = readGoFile(abs, this.limits(abs).maxFileBytes);
        let text = r.ok ? r.text : undefined;
        const want = this.digests.get(path);
        if (want !== undefined && (text === undefined || digestOf(text) !== want)) {
            this.changed.add(path);
            text = undefined;
        }
        this.texts.set(path, text);
        return text;
    }
    /** Drops the findings of files that changed since they were analyzed, with one error each. */
    withdrawChanged(findings, notifications) {
        for (const p of new Set(findings.map((f) => f.location.path)))
            this.text(p);
        if (this.changed.size === 0)
            return findings;
        for (const path of [...this.changed].sort()) {
            notifications.push({ level: 'error', id: 'file-changed', message: 'the file changed while it was analyzed; its findings are withdrawn (their lines would describe text that is no longer there): run pinlint again', path });
        }
        return findings.filter((f) => !this.changed.has(f.location.path));
    }
}
