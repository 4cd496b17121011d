import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'web/src/api/schema.d.ts', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: [
      'server/**/*.ts',
      'shared/**/*.ts',
      'migrations/**/*.ts',
      'tools/**/*.js',
      'bench/**/*.{js,mjs,ts}',
      '*.{js,mjs}',
      'web/e2e/**/*.ts',
      'web/scripts/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // TypeORM's query() answers [rows, count] for UPDATE/DELETE … RETURNING, and class-validator's
    // IsOptional lets null through: both caused holes. Use the helpers that say what they answer.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/config/**', 'server/src/database/sql.ts', 'server/src/common/validation.ts'],
    rules: {
      // Error codes are declared per feature by extending ErrorCatalogue (common/error-registry.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='query'] > TemplateLiteral.arguments:first-child[quasis.0.value.raw=/^\\s*(UPDATE|DELETE)\\b[\\s\\S]*\\bRETURNING\\b/i]",
          message: 'query() answers [rows, count] for UPDATE/DELETE … RETURNING: use queryRows/queryOne from database/sql.ts.',
        },
        {
          selector:
            "VariableDeclarator[id.type='ArrayPattern'] > AwaitExpression > CallExpression[callee.property.name='query'][arguments.0.quasis.0.value.raw=/^\\s*(UPDATE|DELETE)\\b/i]",
          message: 'query() answers [rows, count] for UPDATE/DELETE: use execute/queryRows from database/sql.ts.',
        },
        {
          selector: "Property[key.name='maxDecimalPlaces']",
          message: 'class-validator’s maxDecimalPlaces throws on numbers like 5e-324: use DecimalNumber() from common/validation.ts.',
        },
        {
          // query<T = any>() takes T unchecked from whatever it is assigned to.
          selector: "CallExpression[callee.property.name='query']",
          message: 'Read SQL through queryRows/queryOne/execute (database/sql.ts) with a typed row interface.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'ValidateNested'],
              message:
                'IsOptional lets null through, ValidateNested walks into arrays where an object belongs: use Optional() and Nested() from common/validation.ts.',
            },
          ],
          patterns: [
            {
              // Feature boundaries: a feature uses another through its module's exports (services, DTOs,
              // queries), never through its controller; shared params and DTOs live in common/.
              group: ['../*/*.controller', '../*/*.controller.js'],
              message:
                'Do not import another feature’s controller; move what you need to common/ or export it from the feature’s service or DTOs.',
            },
          ],
        },
      ],
    },
  },
  {
    // No untyped value crosses the database boundary (or any other) on the server.
    files: ['server/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-declaration-merging': 'error',
      '@typescript-eslint/no-unsafe-enum-comparison': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-unary-minus': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Boundaries (STYLE.md): features never import each other; the app composes them.
    files: ['web/src/features/*/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/**', '!../../../**'],
              message: 'A feature must not import another feature; move shared code to src/lib or src/components.',
            },
          ],
        },
      ],
    },
  },
);
