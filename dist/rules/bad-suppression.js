// Suppression hygiene: a `//pinlint:ignore` comment that is malformed, names no known rule, or
// suppresses nothing. Reviewers rely on suppressions being precise and justified.
import { defineRule } from '../src/rule-api.js';
export default defineRule({
    meta: {
        id: 'PL007',
        name: 'bad-suppression',
        summary: 'A //pinlint: directive that is malformed, unknown, names an unknown rule, or suppresses nothing.',
        docs: {
            what: `Suppressions take the form \`//pinlint:ignore <rule>[,<rule>] -- <reason>\` on the line above (or at
the end of) any line of the statement holding the finding or the conversion it is about, and
\`//pinlint:file-ignore <rule>[,<rule>] -- <reason>\` anywhere in a file for the whole file. This rule
reports a directive without a rule or without a reason, one that names a rule pinlint does not
have, one that matched no finding (the code was fixed or moved), and a \`//pinlint:\` comment
that is no directive at all (\`//pinlint:ingore\`).`,
            why: `A suppression is a reviewed claim that a finding is safe. Without a reason nobody can re-check
the claim; with a wrong rule name it silently suppresses nothing; and a stale one would hide a
real bug reintroduced on that line later (staticcheck and ruff report unused directives for the
same reason).`,
            fix: 'Name the rule by id or name, give the reason after `--`, and delete suppressions that no longer match a finding.',
            levels: [
                {
                    level: 'warning',
                    title: 'suppression problem',
                    when: `Every finding of this rule: a suppression comment that is malformed, names no rule, or suppresses nothing. It is about the comment, not about memory, so it is neither a bug nor a rule violation.`,
                    example: `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	//pinlint:ignore hoisted-conversion
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`,
                },
            ],
        },
        examples: {
            bad: `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	//pinlint:ignore hoisted-conversion
	p := uintptr(unsafe.Pointer(&buf[0]))
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`,
            good: `package p

import (
	"syscall"
	"unsafe"
)

func read(fd int, buf []byte) {
	p := uintptr(unsafe.Pointer(&buf[0]))
	//pinlint:ignore hoisted-conversion -- buf is pinned by the caller until the request completes
	syscall.Syscall(syscall.SYS_READ, uintptr(fd), p, uintptr(len(buf)))
}
`,
        },
        messages: {
            malformed: 'this {directive} comment {problem}, so it suppresses nothing.',
            directive: 'this comment starts with {directive}, which is no pinlint directive, so it suppresses nothing; write //pinlint:ignore <rule> -- <reason> for a statement or //pinlint:file-ignore <rule> -- <reason> for the whole file.',
            unknown: 'this {directive} comment names {names}, which {verb} no pinlint rule; run `pinlint rules` for the list.',
            unused: 'this //pinlint:ignore comment for {rules} matches no finding in the statement on line {line} or a conversion there; delete it, or move it next to the finding it is meant for.',
            unusedFile: 'this //pinlint:file-ignore comment for {rules} matches no finding in this file; delete it.',
        },
        level: 'warning',
        precision: 'very-high',
        securitySeverity: 2.0,
        tags: ['security', 'maintainability', 'suppression'],
        cwe: ['CWE-1078'],
        references: ['https://staticcheck.dev/docs/configuration/#line-based-linter-directives'],
    },
    checkSuppressions(uses, report) {
        for (const u of uses) {
            const span = u.fact.span;
            const directive = u.fact.scope === 'file' ? '//pinlint:file-ignore' : '//pinlint:ignore';
            if (u.fact.unknownDirective) {
                report({ messageId: 'directive', data: { directive: u.fact.unknownDirective }, span, path: u.file.path });
            }
            else if (u.fact.malformed) {
                report({ messageId: 'malformed', data: { directive, problem: u.fact.malformed }, span, path: u.file.path });
            }
            else if (u.unknown.length > 0) {
                report({ messageId: 'unknown', data: { directive, names: u.unknown.map((n) => `"${n}"`).join(', '), verb: u.unknown.length === 1 ? 'is' : 'are' }, span, path: u.file.path });
            }
            else if (!u.used) {
                const rules = u.fact.rules.join(', ');
                if (u.fact.scope === 'file')
                    report({ messageId: 'unusedFile', data: { rules }, span, path: u.file.path });
                else
                    report({ messageId: 'unused', data: { rules, line: String(u.fact.appliesTo) }, span, path: u.file.path });
            }
        }
    },
});
