import tseslint from 'typescript-eslint';

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
