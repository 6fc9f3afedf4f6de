import tseslint from 'typescript-eslint';
import layers from './scripts/eslint/layers.mjs';

/** Core is pure logic (ARCHITECTURE.md): time, timers, randomness and the process come in as arguments. */
const CORE_IMPURE_GLOBALS = ['process', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'performance', 'Buffer', 'require', 'fetch', '__dirname', '__filename'].map(
  (name) => ({ name, message: `core touches no ${name}: take it as an argument (ARCHITECTURE.md, layer rules)` }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // the layer rules of ARCHITECTURE.md: which layer may import which (scripts/eslint/layers.mjs)
    files: ['src/**/*.{ts,tsx}', 'hardware/sim/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  {
    // files stay small enough to read in one sitting, functions short enough to hold in the head (issue 21)
    files: ['src/**/*.{ts,tsx}', 'hardware/sim/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...CORE_IMPURE_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core reads no clock: take nowMs as an argument' },
        { object: 'performance', property: 'now', message: 'core reads no clock: take the time as an argument' },
        { object: 'Math', property: 'random', message: 'core draws no randomness: take it as an argument' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core reads no clock: new Date() needs an instant passed in' },
        { selector: "CallExpression[callee.name='Date']", message: 'core reads no clock: Date() is the current time as text' },
      ],
    },
  },
  {
    // the store's boundary (issue 21): SQL and the SQLite connection live in src/controller/store only
    files: ['src/controller/**/*.ts', 'src/cli/**/*.ts', 'src/electron/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    ignores: ['src/controller/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'SQL lives in src/controller/store: add a repository there' }], patterns: [{ group: ['**/store/connection'], message: 'the connection is the store\'s own: use its methods' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: 'SQL lives in src/controller/store: add a repository there' },
      ],
    },
  },
  {
    // command-line tools and scripts talk to a person on stdout
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'hardware/sim/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'test/support/*.js', '*.js', '*.mjs'],
    languageOptions: { globals: { jest: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
