// Import rules for pinlint's source tree, checked by `npm test` (dependency-cruiser).
// Each folder of src/ is one floor of the pipeline and imports only the floors listed for it
// (docs/architecture.md has the map and the reasons); no module imports itself back through a
// cycle, type-only imports included.
const floors = {
  model: [],
  knowledge: ['model'],
  go: ['model', 'knowledge'],
  flow: ['model', 'knowledge', 'go'],
  types: ['model', 'knowledge'],
  index: ['model', 'knowledge', 'types'],
  config: ['model', 'knowledge'],
  docs: ['model'],
  report: ['model', 'go', 'docs'],
  'rule-api': ['model', 'knowledge', 'types', 'index'],
  engine: ['model', 'knowledge', 'go', 'flow', 'index', 'types', 'config', 'rule-api'],
  audit: ['model', 'knowledge', 'index', 'engine', 'report'],
  cli: ['model', 'knowledge', 'go', 'engine', 'config', 'report', 'audit', 'docs', 'rule-api', 'version'],
  version: [],
};

// A floor is a folder (src/NAME/) or a top-level module (src/NAME.ts).
const floorPath = (name) => `^src/${name}(/|\\.ts$)`;

const floorRules = Object.entries(floors).map(([name, below]) => ({
  name: `floor-${name}`,
  comment: `src/${name} may import only: ${below.join(', ') || 'nothing else in src'}`,
  severity: 'error',
  from: { path: floorPath(name) },
  to: {
    path: '^src/',
    pathNot: [floorPath(name), ...below.map(floorPath)],
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles hide which module is the lower floor; break them by moving the shared part down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'rules-use-rule-api',
      comment: 'Rule modules see the analysis only through src/rule-api.ts (DESIGN.md §5).',
      severity: 'error',
      from: { path: '^rules/', pathNot: '^rules/index\\.ts$' },
      to: { path: '^src/', pathNot: '^src/rule-api\\.ts$' },
    },
    {
      name: 'src-not-into-tests',
      severity: 'error',
      from: { path: '^(src|rules|scripts)/' },
      to: { path: '^test/' },
    },
    ...floorRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
