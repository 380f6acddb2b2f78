// pinlint's version, read once from package.json (dist/src/version.js → ../../package.json).
import { readFileSync } from 'node:fs';
function readVersion() {
    for (const rel of ['../../package.json', '../package.json']) {
        try {
            const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
            if (pkg.name === 'pinlint' && pkg.version)
                return pkg.version;
        }
        catch {
            // try the next layout (dist/src or src)
        }
    }
    return '0.0.0';
}
export const VERSION = readVersion();
