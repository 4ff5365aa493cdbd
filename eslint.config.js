import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * The house's boundaries (ARCHITECTURE.md). Pure folders hold functions of plain data, tested in Node with tables:
 * they reach no browser API and no storage, and nothing of the folders that do. Background code imports no Svelte.
 */
const POLYFILL = {
  name: 'webextension-polyfill',
  message: "Import `browser` from 'wxt/browser': tests then get WXT's fake browser.",
};
const PURE_FOLDERS = ['core', 'ports', 'commands', 'kinds', 'servers', 'view'];
const IMPURE_FOLDERS = ['signals', 'state', 'background', 'protocol'];
const impure = (depth) => IMPURE_FOLDERS.map((folder) => `${'../'.repeat(depth)}${folder}/*`);
const pureRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        POLYFILL,
        {
          name: 'wxt/browser',
          message: 'A pure folder reaches no browser API: take the answer as an argument.',
        },
        { name: 'wxt/utils/storage', message: 'A pure folder touches no storage: lib/state/ does.' },
        { name: 'svelte', message: 'lib/ holds no Svelte: components/ and entrypoints/ do.' },
      ],
      patterns: [
        {
          group: [...impure(1), ...impure(2), ...IMPURE_FOLDERS.map((folder) => `@/lib/${folder}/*`)],
          message: 'A pure folder imports only pure folders (ARCHITECTURE.md).',
          allowTypeImports: true,
        },
      ],
    },
  ],
};
const backgroundRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [POLYFILL, { name: 'svelte', message: 'Background code imports no Svelte.' }],
      patterns: [
        {
          group: ['*.svelte', '@/components/*', '../../components/*'],
          message: 'Background code imports no Svelte.',
        },
      ],
    },
  ],
};

export default ts.config(
  // test/dev-servers/apps: other tools' projects (JSX in .js, Astro), as each tool's docs write them.
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'scratch/', 'bench/results/', 'test/dev-servers/'] },
  js.configs.recommended,
  ...ts.configs.strict,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': ['error', POLYFILL],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Text from URLs must stay text: no innerHTML.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Text from URLs must stay text: no outerHTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'No HTML strings in the DOM.',
        },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: PURE_FOLDERS.map((folder) => `lib/${folder}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: pureRules,
  },
  {
    files: [...IMPURE_FOLDERS.map((folder) => `lib/${folder}/**/*.ts`), 'entrypoints/background.ts'],
    rules: backgroundRules,
  },
  {
    // A test or a tool that dereferences a missing value fails loudly, which is what it should do.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'lib/**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
    rules: { 'svelte/no-at-html-tags': 'error' },
  },
);
