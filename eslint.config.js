// Structure limits only (issue: one room per concern). Type checking is tsc's job and style is
// not linted here: the two rules below keep every module and function small enough to read.
// Generated code and tests are exempt.
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['src/**/*.ts', 'rules/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
];
