// Lint rules that the type checker cannot enforce: no promise may be dropped or handed to a place
// that ignores it. A failure that is not awaited must go through runInBackground (src/platform/commands.ts),
// which logs it and tells the user.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/results/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The pages (their own tsconfig, with the DOM library) sit in the features' folders, under the
    // extension's tsconfig.json, which leaves them out: name their project.
    files: ['src/*/page/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.pages.json', tsconfigRootDir: import.meta.dirname } },
  },
);
