import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Server feature boundaries (see the no-restricted-imports rule below). The kernel folders every feature
// may use, the file kinds that make up a feature's public surface, and the few helpers a feature offers
// to others by name.
const SERVER_KERNEL = ['common', 'database', 'config', 'auth', 'openapi'];
const PUBLIC_KINDS = ['module', 'service', 'dto', 'entity', 'errors', 'queries'];
const FEATURE_PUBLIC_FILES = [
  'projects/project-changes', // the project core: the unit of work every project-scoped write goes through
  'projects/project-queries', // the project core: reading a project and the caller's access to it
  'files/file-validation', // upload checks every feature with attachments uses
  'files/file-endpoints', // the download/upload OpenAPI shapes
  'documents/document-model', // the document model features render to DOCX/PDF
  'documents/render-docx',
  'documents/render-pdf',
  'documents/labels',
  'notifications/gate-notifier', // what the gate's participants are told, and when
  'kommune-cases/kommune-leave', // the rule for a kommune leaving a project, used by the gate
  'gates/gate-submission-hooks', // what other features add to a submission, in its transaction
];
const KERNEL_AND_PUBLIC = ['../', '../../'].flatMap((up) => [
  ...SERVER_KERNEL.map((folder) => `!${up}${folder}/**`),
  ...PUBLIC_KINDS.map((kind) => `!${up}*/*.${kind}`),
  ...FEATURE_PUBLIC_FILES.map((file) => `!${up}${file}`),
]);

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
              // Feature boundaries: a feature uses another only through its public surface — its module,
              // services, DTOs, entities, error codes and read-model queries — never its controller or
              // internal helpers. The kernel (common, database, config, auth, openapi) is open to all.
              // The few helpers other features are meant to use are named in FEATURE_PUBLIC_FILES.
              group: ['../[a-z]*/*', '../../[a-z]*/*', ...KERNEL_AND_PUBLIC],
              message:
                'A feature uses another only through its module, services, DTOs, entities, errors and queries (or a file listed in FEATURE_PUBLIC_FILES, eslint.config.mjs); move what you need to common/ or export it from the feature’s service.',
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          // A bare overflow box is neither focusable nor named when it scrolls (WCAG 2.1.1, axe scrollable-region-focusable).
          selector: "JSXAttribute[name.name='className'] > Literal[value=/(^|\\s)table-scroll(\\s|$)/]",
          message: 'Wrap a wide table (or chart) in <TableScroll> from src/components/table-scroll.tsx, not a div with class table-scroll.',
        },
      ],
    },
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
