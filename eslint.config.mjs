// Type-aware linting. recommendedTypeChecked, not strictTypeChecked: the strict set forbids
// numbers in template literals and non-null assertions, which this codebase uses on purpose
// (log text, indices proven in range), and would bury the real findings in noise. The rules
// added below are the strict ones that catch real bugs here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const OUTER_LAYERS = ['**/adapters/**', '**/wiring/**', '**/wiring', '**/web/**', '**/commands/**', '**/commands'];
const APP_MESSAGE = 'src/app imports no adapter: add a port (src/app/ports.ts) and plug the adapter in src/wiring.';
const DOMAIN_MESSAGE = 'src/domain is pure: no app, adapters or I/O; pass data and the clock in.';
// Time comes from the Clock port, so tests can drive it.
const NO_WALL_CLOCK = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the Clock port.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port.' },
];
const NODE_IO = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'os',
  'readline',
  'timers',
  'timers/promises',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'acserver/', 'fake-discord/'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `void promise` marks a deliberate fire-and-forget; anything else must be awaited or caught.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Ports are async; adapters over synchronous drivers (better-sqlite3, in-memory fakes) keep
      // `async` so a throw becomes a rejection like every other implementation's.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Layer rules: use cases reach the outside world through ports (src/app/ports.ts and the
    // ports next to each use case); only the composition root (src/wiring) plugs adapters in.
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: OUTER_LAYERS, message: APP_MESSAGE }] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/adapters|wiring|web/]', message: APP_MESSAGE },
        ...NO_WALL_CLOCK,
      ],
    },
  },
  {
    // The domain is pure: no use cases, no adapters, no I/O (the clock and the data are passed in).
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: DOMAIN_MESSAGE })),
          patterns: [{ group: ['**/app/**', ...OUTER_LAYERS], message: DOMAIN_MESSAGE }],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: DOMAIN_MESSAGE }, ...NO_WALL_CLOCK],
    },
  },
  {
    // Tests read back JSON they wrote (results files, REST bodies, state files) and assert on it:
    // typing every JSON.parse would add casts, not safety. The rest of the type-aware rules apply.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Browser scripts served as-is by the website.
    files: ['src/web/static/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    files: ['**/*.{js,cjs}'],
    ignores: ['src/web/static/**'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  prettier,
);
