import nx from '@nx/eslint-plugin';

// Dependencies point one way: apps -> service libs -> shared libs. A service may use
// another service's events only through libs/contracts. See docs/adr/0001.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:infra', 'type:contracts', 'type:domain', 'type:testing'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain', 'type:testing'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:domain'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:complaints', onlyDependOnLibsWithTags: ['scope:complaints', 'scope:shared'] },
  { sourceTag: 'scope:enforcement', onlyDependOnLibsWithTags: ['scope:enforcement', 'scope:shared'] },
  { sourceTag: 'scope:coordination', onlyDependOnLibsWithTags: ['scope:coordination', 'scope:shared'] },
  { sourceTag: 'scope:disclosure', onlyDependOnLibsWithTags: ['scope:disclosure', 'scope:shared'] },
  { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared'] },
  { sourceTag: 'scope:rating', onlyDependOnLibsWithTags: ['scope:rating', 'scope:shared'] },
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: ['scope:complaints', 'scope:enforcement', 'scope:coordination', 'scope:disclosure', 'scope:notification', 'scope:rating', 'scope:shared'],
  },
  { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:shared', 'scope:platform', 'scope:complaints', 'scope:notification', 'scope:enforcement'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.cache', '**/data', '**/coverage'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], banTransitiveDependencies: false, depConstraints },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Tests of shared libraries may use the test helpers; production code of those libraries may not.
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: depConstraints.map((constraint) =>
            constraint.sourceTag === 'type:infra' ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] } : constraint,
          ),
        },
      ],
    },
  },
  {
    // Command-line tools and benchmarks talk to a person on the terminal.
    files: ['**/*.cli.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
];
