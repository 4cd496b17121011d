/**
 * Hostile-input generators driven by the OpenAPI document of the running app, shared by
 * server/test/fuzz.e2e-spec.ts (bounded run in the suite), server/test/cross-region.e2e-spec.ts and
 * tools/fuzz.mjs (long run: `npm run fuzz -- --runs 20000`).
 *
 * The document is built from the app's own controllers and DTOs (as server/src/openapi/write-openapi.ts
 * does), so a new route or field is fuzzed without anyone touching this file; a path parameter this
 * file does not know how to fill fails loudly (see `paramKind`).
 */
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../src/openapi/openapi';
import { listRoutes } from './routes';
import type { AccessRule } from '../../src/auth/access.decorator';

// ---------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const WRITE_METHODS: readonly Method[] = ['post', 'put', 'patch', 'delete'];

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  pattern?: string;
  example?: unknown;
  $ref?: string;
  allOf?: Schema[];
}

export interface ParamSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: Method;
  /** OpenAPI form: /api/projects/{id} */
  path: string;
  operationId: string;
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  body?: { kind: 'json' | 'multipart'; schema: Schema; required: boolean };
  /** The route's access rule, from Nest's metadata. */
  rule: AccessRule | undefined;
}

interface OpenApiDoc {
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components?: { schemas?: Record<string, Schema> };
}
interface OperationObject {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

/** The OpenAPI document built from the running app (same code as /api/docs-json and write-openapi.ts). */
export function openApiDocument(app: INestApplication): OpenApiDoc {
  return buildOpenApiDocument(app) as unknown as OpenApiDoc;
}

/** Every operation of the document, with its body schema resolved and its access rule attached. */
export function operations(app: INestApplication, doc: OpenApiDoc = openApiDocument(app)): Operation[] {
  const rules = new Map(listRoutes(app).map((r) => [`${r.method.toLowerCase()} ${r.path}`, r.rule]));
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in as 'path' | 'query',
        required: p.required ?? p.in === 'path',
        schema: resolve(p.schema ?? { type: 'string' }, doc),
      }));
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const multipart = content['multipart/form-data'];
      const body = json
        ? { kind: 'json' as const, schema: resolve(json.schema, doc), required: op.requestBody?.required ?? true }
        : multipart
          ? { kind: 'multipart' as const, schema: resolve(multipart.schema, doc), required: true }
          : undefined;
      const nestPath = path.replace(/\{([^}]+)\}/g, ':$1');
      ops.push({
        method,
        path,
        operationId: op.operationId,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body,
        rule: rules.get(`${method} ${nestPath}`),
      });
    }
  }
  return ops;
}

/** Follows $ref and single allOf; properties are resolved recursively. */
export function resolve(schema: Schema, doc: OpenApiDoc, depth = 0): Schema {
  if (depth > 20) return schema;
  let s = schema;
  if (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`openapi-fuzz: unknown schema ${s.$ref}`);
    s = { ...target, nullable: schema.nullable ?? target.nullable };
  }
  if (s.allOf) {
    const merged = s.allOf.map((x) => resolve(x, doc, depth + 1)).reduce((a, b) => ({ ...a, ...b }), {} as Schema);
    const { allOf: _allOf, ...rest } = s;
    s = { ...merged, ...rest, type: merged.type ?? rest.type };
  }
  const out: Schema = { ...s };
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, doc, depth + 1)]));
  if (s.items) out.items = resolve(s.items, doc, depth + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Ids: what a path parameter or an id-like body field refers to
// ---------------------------------------------------------------------------------------------------

export type IdKind =
  | 'user'
  | 'kommune'
  | 'region'
  | 'membership'
  | 'project'
  | 'phaseKey'
  | 'deliverable'
  | 'file'
  | 'checkpointKey'
  | 'decision'
  | 'submission'
  | 'planVersion'
  | 'templateKey'
  | 'templateVersion'
  | 'statusReport'
  | 'comment'
  | 'notification'
  | 'populationDate'
  | 'commentTarget'
  | 'caseStep'
  | 'kommuneCase'
  | 'condition'
  | 'survey'
  | 'surveyLink'
  | 'surveyResponse'
  | 'surveyToken'
  | 'conversation'
  | 'recommendation'
  | 'risk'
  | 'lesson'
  | 'benefit'
  | 'benefitIndicator'
  | 'benefitMeasurement'
  | 'invitation';

/** The path segment before a parameter names what it is: /projects/{id}, /deliverables/{deliverableId}, … */
const SEGMENT_KIND: Record<string, IdKind> = {
  users: 'user',
  kommuner: 'kommune',
  regions: 'region',
  members: 'membership',
  projects: 'project',
  phases: 'phaseKey',
  deliverables: 'deliverable',
  files: 'file',
  checkpoints: 'checkpointKey',
  decisions: 'decision',
  templates: 'templateKey',
  'status-reports': 'statusReport',
  comments: 'comment',
  notifications: 'notification',
  population: 'populationDate',
  steps: 'caseStep',
  'kommune-cases': 'kommuneCase',
  conditions: 'condition',
  surveys: 'survey',
  links: 'surveyLink',
  responses: 'surveyResponse',
  conversations: 'conversation',
  recommendations: 'recommendation',
  risks: 'risk',
  lessons: 'lesson',
  benefits: 'benefit',
  indicators: 'benefitIndicator',
  measurements: 'benefitMeasurement',
  invitations: 'invitation',
};

/** Id-like body and query fields. */
export const FIELD_KIND: Record<string, IdKind> = {
  regionId: 'region',
  kommuneId: 'kommune',
  kommuneIds: 'kommune',
  leaderUserId: 'user',
  memberUserIds: 'user',
  submissionId: 'submission',
  targetId: 'commentTarget',
  projectId: 'project',
  surveyId: 'survey',
  conversationId: 'conversation',
  responseId: 'surveyResponse',
  ownerId: 'user',
  ownerUserId: 'user',
};

/** What a path parameter refers to; throws with a clear message for a parameter nobody taught us. */
export function paramKind(path: string, name: string): IdKind {
  const segs = path.split('/');
  const i = segs.indexOf(`{${name}}`);
  const prev = segs[i - 1];
  if (name === 'token') return 'surveyToken';
  if (prev === 'versions') return segs.includes('templates') ? 'templateVersion' : 'planVersion';
  const kind = prev ? SEGMENT_KIND[prev] : undefined;
  if (!kind)
    throw new Error(
      `openapi-fuzz: no way to fill path parameter {${name}} of ${path} (after segment "${prev}"). ` +
        `Teach server/test/support/openapi-fuzz.ts: add the segment to SEGMENT_KIND and load its ids in loadWorld().`,
    );
  return kind;
}

/** Operations whose path parameters this file cannot fill, with the reason (empty when all can be fuzzed). */
export function unfillable(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) =>
    op.pathParams.flatMap((p) => {
      try {
        paramKind(op.path, p.name);
        return [];
      } catch (e) {
        return [(e as Error).message];
      }
    }),
  );
}

/** Ids that exist, by kind, for one region's project (read from the database). */
export type World = Partial<Record<IdKind, string[]>>;

/**
 * The ids of one region and one of its projects, as they are now. `users` are the accounts admin routes
 * (/api/users/{id}) may be fuzzed on (victims, never the fuzzing principals themselves).
 */
export async function loadWorld(db: DataSource, scope: { regionId: string; projectId: string; userIds: string[] }): Promise<World> {
  const col = async (sql: string, params: unknown[] = []): Promise<string[]> =>
    (await db.query(sql, params)).map((r: { v: unknown }) => String(r.v));
  const { regionId: r, projectId: p } = scope;
  const phases = `SELECT id FROM project_phase WHERE project_id = $1`;
  return {
    user: scope.userIds,
    region: [r],
    project: [p],
    kommune: await col(`SELECT kommune_id AS v FROM region_membership WHERE region_id = $1 ORDER BY valid_from, kommune_id`, [r]),
    membership: await col(`SELECT id AS v FROM region_membership WHERE region_id = $1 ORDER BY id`, [r]),
    phaseKey: await col(`SELECT phase_key AS v FROM project_phase WHERE project_id = $1 ORDER BY position`, [p]),
    deliverable: await col(`SELECT d.id AS v FROM deliverable d WHERE d.phase_id IN (${phases}) ORDER BY d.id`, [p]),
    file: await col(
      `SELECT df.file_id AS v FROM deliverable_file df JOIN deliverable d ON d.id = df.deliverable_id WHERE d.phase_id IN (${phases}) ORDER BY 1`,
      [p],
    ),
    checkpointKey: await col(`SELECT DISTINCT checkpoint_key AS v FROM gate_checkpoint WHERE phase_id IN (${phases}) ORDER BY 1`, [p]),
    decision: await col(`SELECT id AS v FROM gate_decision WHERE phase_id IN (${phases}) ORDER BY id`, [p]),
    submission: await col(`SELECT id AS v FROM gate_submission WHERE phase_id IN (${phases}) ORDER BY id`, [p]),
    planVersion: await col(
      `SELECT DISTINCT s.number AS v FROM phase_plan_snapshot s JOIN phase_plan pp ON pp.id = s.plan_id WHERE pp.phase_id IN (${phases}) ORDER BY 1`,
      [p],
    ),
    templateKey: await col(`SELECT key AS v FROM template ORDER BY key`),
    templateVersion: await col(`SELECT DISTINCT version AS v FROM template_version ORDER BY 1`),
    statusReport: await col(`SELECT id AS v FROM status_report WHERE project_id = $1 ORDER BY id`, [p]),
    comment: await col(`SELECT id AS v FROM comment WHERE project_id = $1 ORDER BY id`, [p]),
    populationDate: await col(
      `SELECT DISTINCT to_char(as_of, 'YYYY-MM-DD') AS v FROM kommune_population
        WHERE kommune_id IN (SELECT kommune_id FROM region_membership WHERE region_id = $1) ORDER BY 1`,
      [r],
    ),
    notification: await col(`SELECT id AS v FROM notification WHERE project_id = $1 ORDER BY id`, [p]),
    caseStep: await col(
      `SELECT cs.id AS v FROM gate_case_step cs JOIN gate_submission s ON s.id = cs.submission_id WHERE s.phase_id IN (${phases}) ORDER BY 1`,
      [p],
    ),
    kommuneCase: await col(
      `SELECT kc.id AS v FROM kommune_case kc JOIN gate_submission s ON s.id = kc.submission_id WHERE s.phase_id IN (${phases}) ORDER BY 1`,
      [p],
    ),
    condition: await col(`SELECT id AS v FROM gate_condition WHERE phase_id IN (${phases}) ORDER BY id`, [p]),
    survey: await col(`SELECT id AS v FROM survey WHERE project_id = $1 ORDER BY id`, [p]),
    surveyLink: await col(`SELECT l.id AS v FROM survey_link l JOIN survey s ON s.id = l.survey_id WHERE s.project_id = $1 ORDER BY 1`, [
      p,
    ]),
    surveyResponse: await col(
      `SELECT r.id AS v FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.project_id = $1 ORDER BY 1 LIMIT 20`,
      [p],
    ),
    surveyToken: await col(
      `SELECT l.token AS v FROM survey_link l JOIN survey s ON s.id = l.survey_id WHERE s.project_id = $1 ORDER BY 1`,
      [p],
    ),
    conversation: await col(`SELECT id AS v FROM conversation WHERE project_id = $1 ORDER BY id`, [p]),
    recommendation: await col(`SELECT id AS v FROM recommendation WHERE project_id = $1 ORDER BY id`, [p]),
    risk: await col(`SELECT id AS v FROM risk WHERE project_id = $1 ORDER BY id`, [p]),
    lesson: await col(`SELECT id AS v FROM closing_lesson WHERE project_id = $1 ORDER BY id`, [p]),
    benefit: await col(`SELECT id AS v FROM benefit WHERE project_id = $1 ORDER BY id`, [p]),
    benefitIndicator: await col(
      `SELECT i.id AS v FROM benefit_indicator i JOIN benefit b ON b.id = i.benefit_id WHERE b.project_id = $1 ORDER BY i.id`,
      [p],
    ),
    benefitMeasurement: await col(
      `SELECT m.id AS v FROM benefit_measurement m JOIN benefit_indicator i ON i.id = m.indicator_id JOIN benefit b ON b.id = i.benefit_id
        WHERE b.project_id = $1 ORDER BY m.id`,
      [p],
    ),
    invitation: await col(`SELECT id AS v FROM invitation WHERE region_id = $1 ORDER BY id`, [r]),
    commentTarget: [
      ...(await col(`SELECT d.id AS v FROM deliverable d WHERE d.phase_id IN (${phases}) ORDER BY d.id LIMIT 3`, [p])),
      ...(await col(`SELECT id AS v FROM status_report WHERE project_id = $1 ORDER BY id LIMIT 3`, [p])),
      ...(await col(`SELECT pp.id AS v FROM phase_plan pp WHERE pp.phase_id IN (${phases}) ORDER BY 1`, [p])),
    ],
  };
}

/** A template version number or plan snapshot number is a path segment like any id. */
function pick(world: World, kind: IdKind, i: number): string | undefined {
  const list = world[kind];
  return list && list.length ? list[i % list.length] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------------

export const HOSTILE_STRINGS: readonly string[] = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u202Egnp.exe',
  'abc\u200F\u2066\u2069',
  '\u2028\u2029',
  '   ',
  '',
  '2099-13-45',
  '0000-00-00',
  '2024-02-30',
  '-1',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  "' OR 1=1 --",
  '"; DROP TABLE region; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '😀'.repeat(50),
  'æøå ÆØÅ',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
];

/** Strings that break a schema's own limits: over maxLength (in UTF-16 units and in code points), or just long. */
function longStrings(schema: Schema): string[] {
  const max = schema.maxLength ?? 1000;
  return ['x'.repeat(max + 1), '😀'.repeat(Math.ceil(max / 2) + 1), 'a\u0000'.repeat(max), 'y'.repeat(Math.min(200_000, max * 20 + 5000))];
}

export const HOSTILE_NUMBERS: readonly unknown[] = [
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
  '1',
  '1e999',
  'NaN',
  true,
  [],
  {},
];

export const HOSTILE_TYPES: readonly unknown[] = [null, true, false, 0, -1, '', 'x', [], [null], {}, { a: 1 }, [[[]]], { $ne: null }];

/**
 * encodeURIComponent, but lone surrogates (which it refuses) become the bytes a careless encoder would
 * send for them (CESU-8, e.g. %ED%A0%80): invalid UTF-8 the server has to cope with.
 */
export function encodeLoose(s: string): string {
  return s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^]/g, (c) => {
    if (c.length === 2 || !/[\ud800-\udfff]/.test(c)) return encodeURIComponent(c);
    const code = c.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}

const fcPick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** A value that is valid-looking for the schema (examples, enums, real ids of the fuzzed world). */
function validValue(schema: Schema, world: World, field: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const kind = field ? FIELD_KIND[field] : undefined;
  if (schema.enum) return fcPick(schema.enum);
  switch (schema.type) {
    case 'string': {
      if (kind || schema.format === 'uuid')
        return fc.nat().map((i) => pick(world, kind ?? 'project', i) ?? '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b');
      if (schema.format === 'date')
        return fc.oneof(
          fc.constant('2026-03-01'),
          fc
            .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        );
      if (schema.pattern === '^\\d{4}$') return fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
      if (field === 'period') return fcPick(['2026-10', '2026-11', '2027-01', '2026-13', '1999-00']);
      if (field === 'email') return fcPick(['kari@test.no', 'fuzz.victim@test.no', 'not-an-email', 'ADMIN@DEMO.NO']);
      const ex = typeof schema.example === 'string' ? [schema.example] : [];
      const min = schema.minLength ?? 1;
      return fc.oneof(
        fcPick([...ex, 'Fuzz tekst æøå', 'long-enough-password-123']),
        fc.string({ minLength: min, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
      );
    }
    case 'number':
    case 'integer': {
      if (field === 'version' || field === 'basedOnVersion') return fc.integer({ min: 0, max: 4 });
      if (field === 'year') return fc.integer({ min: 2020, max: 2032 });
      if (field === 'equalPercent') return fc.integer({ min: 0, max: 100 });
      const ex = typeof schema.example === 'number' ? [schema.example] : [];
      return fc.oneof(fcPick([...ex, 0, 1, 1000]), fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 5_000_000 }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 3) return fc.constant([]);
      return fc.array(fieldValue(schema.items ?? { type: 'string' }, world, field, depth + 1), { maxLength: 3 });
    }
    case 'object':
    default: {
      if (depth > 3) return fc.constant({});
      if (!schema.properties) {
        return fc.oneof(
          fc.constant(schema.example ?? {}),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fcPick(HOSTILE_STRINGS), fc.string()), { maxKeys: 3 }),
        );
      }
      return objectValue(schema, world, depth + 1);
    }
  }
}

/** A value for a field: usually valid-looking, often hostile. */
function fieldValue(schema: Schema, world: World, field: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const hostile: fc.Arbitrary<unknown>[] = [fcPick(HOSTILE_TYPES)];
  if (schema.type === 'string' || schema.enum) hostile.push(fcPick(HOSTILE_STRINGS), fcPick(longStrings(schema)));
  if (schema.type === 'number' || schema.type === 'integer') hostile.push(fcPick(HOSTILE_NUMBERS));
  if (schema.format === 'uuid' || (field && FIELD_KIND[field])) hostile.push(fcPick(HOSTILE_PATH_VALUES.slice(0, 8)));
  // class-validator's @ValidateNested lets arrays through where an object is expected: nested shapes
  if (schema.properties) hostile.push(fcPick([[], [[]], [[[]]], [{}], [null]]));
  if (schema.type === 'array' && schema.items?.properties)
    hostile.push(fcPick([[[]], [[[]]], [[{}]], [[null]], [{}], [1], [{ ...{} }, []]]));
  return fc.oneof({ arbitrary: validValue(schema, world, field, depth), weight: 4 }, { arbitrary: fc.oneof(...hostile), weight: 1 });
}

/** An object for a schema: each property present or not, some extra keys (incl. __proto__/constructor). */
function objectValue(schema: Schema, world: World, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const parts = props.map(([k, s]) =>
    fc.oneof(
      { arbitrary: fieldValue(s, world, k, depth).map((v) => [k, v] as const), weight: required.has(k) ? 9 : 5 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant([] as [string, unknown][]), weight: 6 },
    {
      arbitrary: fc.array(
        fc.tuple(fcPick(['__proto__', 'constructor', 'prototype', 'isAdmin', 'id', 'regionId', 'role', 'x']), fcPick(HOSTILE_TYPES)),
        {
          maxLength: 2,
        },
      ),
      weight: 1,
    },
  );
  return fc.tuple(fc.tuple(...parts), extra).map(([entries, more]) => {
    // defineProperty, so "__proto__" becomes an own key that JSON.stringify writes out
    const out: Record<string, unknown> = {};
    for (const e of [...entries.filter((x): x is readonly [string, unknown] => x !== null), ...more])
      Object.defineProperty(out, e[0], { value: e[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** Path parameter values that are not the right id: wrong shape, traversal, very long, encoded controls. */
export const HOSTILE_PATH_VALUES: readonly string[] = [
  '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '..',
  '..%2F..%2Fusers',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E2%80%AE',
  '-1',
  '1e999',
  'NaN',
  '99999999999999999999999',
  '1.5',
  '%20',
  "1'%20OR%20'1'%3D'1",
  'x'.repeat(5000),
  '%25',
  '__proto__',
  'constructor',
];

// ---------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------

export interface FileSpec {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface FuzzRequest {
  op: Operation;
  /** Path with parameters filled in (already URL-safe where intended). */
  url: string;
  /** What the body is, for reports. */
  label: string;
  contentType?: string;
  body?: string | Buffer;
  files?: FileSpec[];
  fields?: [string, string][];
  principal: string;
}

export interface Samples {
  pdf: Buffer;
  docx: Buffer;
}

/** A real one-page PDF and a minimal DOCX, so some uploads succeed and the refusals are the interesting ones. */
export async function makeSamples(): Promise<Samples> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Fuzz');
  const pdf = Buffer.from(await doc.save());
  const docx = Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      ),
    }),
  );
  return { pdf, docx };
}

type FileCase = { label: string; files: FileSpec[]; fields?: [string, string][] };

function hostileFiles(samples: Samples): fc.Arbitrary<FileCase> {
  const file = (label: string, data: Buffer, filename = 'rapport.pdf', contentType = 'application/pdf', field = 'file'): FileCase => ({
    label,
    files: [{ field, filename, contentType, data }],
  });
  const manyEntries = Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}.xml`, strToU8('x')]))));
  const zipWithout = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/other.xml': strToU8('<x/>') }));
  return fc.oneof<fc.Arbitrary<FileCase>[]>(
    fc.constant(file('valid pdf', samples.pdf)),
    fc.constant(file('valid docx', samples.docx, 'notat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    fc.constant(file('PDF-looking HTML', Buffer.from('%PDF-<html><script>alert(1)</script></html>'), 'x.pdf')),
    fc.constant(file('zip without word/document.xml', zipWithout, 'x.docx')),
    fc.constant(file('empty file', Buffer.alloc(0))),
    fc.constant(file('html as pdf', Buffer.from('<html><body>hi</body></html>'), 'x.pdf', 'application/pdf')),
    fc.constant(file('truncated pdf', samples.pdf.subarray(0, Math.floor(samples.pdf.length / 2)))),
    fc.constant(file('U+202E file name', samples.pdf, 'rapport\u202Efdp.exe')),
    fc.constant(file('NUL in file name', samples.pdf, 'a\u0000b.pdf')),
    fc.constant(file('traversal file name', samples.pdf, '../../../etc/passwd.pdf')),
    fc.constant(file('very long file name', samples.pdf, `${'å'.repeat(3000)}.pdf`)),
    fc.constant(file('wrong field name', samples.pdf, 'x.pdf', 'application/pdf', 'document')),
    fc.constant({
      label: 'two files',
      files: [
        { field: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: samples.pdf },
        { field: 'file', filename: 'b.pdf', contentType: 'application/pdf', data: samples.pdf },
      ],
    }),
    fc.constant({ label: 'no file, text field', files: [], fields: [['file', 'not a file']] as [string, string][] }),
    fc.constant(file('zip with 2000 entries', manyEntries, 'x.docx')),
  );
}

/** Raw JSON texts that no schema could want. */
function hostileJsonTexts(schema: Schema): string[] {
  const first = Object.keys(schema.properties ?? { name: {} })[0] ?? 'name';
  const deepArray = `${'['.repeat(3000)}${']'.repeat(3000)}`; // 6 kB, 3000 levels
  const deepObject = `${'{"a":'.repeat(1200)}1${'}'.repeat(1200)}`;
  return [
    `{"${first}":${deepArray}}`,
    deepArray,
    deepObject,
    `{"${first}":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`,
    `{"__proto__":{"isAdmin":true,"version":1},"constructor":{"prototype":{"polluted":true}},"${first}":"x"}`,
    `{"${first}":"a","${first}":"b","version":1,"version":"1"}`,
    `{"${first}":1e999,"version":-1e999}`,
    `{"${first}":"\\ud800","version":1}`,
    `{"${first}":"a\\u0000b","version":1}`,
    `{"${first}":"x"`,
    `{'${first}':'x'}`,
    `{"${first}":"x",}`,
    '[',
    'nul',
    '"just a string"',
    '12345',
    'null',
    '[]',
    '[{}]',
    '{}',
    '\ufeff{}',
    ' ',
  ];
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'application/csp-report',
  'multipart/form-data; boundary=x',
];

/** A body for an operation: valid-shaped with hostile values, every field null, raw hostile JSON, or the wrong content type. */
function bodyArb(
  op: Operation,
  world: World,
  samples: Samples,
): fc.Arbitrary<Pick<FuzzRequest, 'label' | 'contentType' | 'body' | 'files' | 'fields'>> {
  if (op.body?.kind === 'multipart') {
    return fc.oneof(
      { arbitrary: hostileFiles(samples), weight: 6 },
      { arbitrary: fc.constant({ label: 'json instead of multipart', contentType: 'application/json', body: '{"file":"x"}' }), weight: 1 },
      {
        arbitrary: fc.constant({
          label: 'broken multipart',
          contentType: 'multipart/form-data; boundary=zzz',
          body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
        }),
        weight: 1,
      },
    );
  }
  const schema = op.body?.schema ?? { type: 'object', properties: {} };
  const json = (label: string) => (v: unknown) => ({ label, contentType: 'application/json', body: JSON.stringify(v) ?? 'null' });
  const allNull = Object.fromEntries(Object.keys(schema.properties ?? {}).map((k) => [k, null]));
  return fc.oneof(
    { arbitrary: validValue(schema, world, undefined, 0).map(json('schema-shaped, hostile values')), weight: 10 },
    { arbitrary: fc.constant(json('null for every field')(allNull)), weight: 1 },
    { arbitrary: fcPick(HOSTILE_TYPES).map(json('wrong type for the whole body')), weight: 1 },
    {
      arbitrary: fcPick(hostileJsonTexts(schema)).map((body) => ({
        label: `raw json ${preview(body, 60)}`,
        contentType: 'application/json',
        body,
      })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(fcPick(CONTENT_TYPES), validValue(schema, world, undefined, 0)).map(([ct, v]) => ({
        label: `content type ${ct}`,
        contentType: ct,
        body: ct.includes('urlencoded')
          ? new URLSearchParams(
              Object.entries((v ?? {}) as object).map(([k, x]) => [k, typeof x === 'string' ? x : (JSON.stringify(x) ?? '')]),
            ).toString()
          : JSON.stringify(v),
      })),
      weight: 1,
    },
    {
      arbitrary: fc.constant({
        label: 'invalid UTF-8 bytes',
        contentType: 'application/json',
        body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
      }),
      weight: 1,
    },
  );
}

function queryArb(op: Operation, world: World): fc.Arbitrary<string> {
  const parts = op.queryParams.map((p) =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: 3 },
      {
        arbitrary: validValue(p.schema, world, p.name, 0).map((v) => `${p.name}=${encodeLoose(String(v))}`),
        weight: 3,
      },
      { arbitrary: fcPick(HOSTILE_STRINGS).map((v) => `${p.name}=${encodeLoose(v)}`), weight: 2 },
      { arbitrary: fcPick(HOSTILE_PATH_VALUES).map((v) => `${p.name}=${v}`), weight: 1 },
      { arbitrary: fc.constant(`${p.name}=a&${p.name}=b`), weight: 1 },
      { arbitrary: fc.constant(`${p.name}[]=x&${p.name}[$ne]=1`), weight: 1 },
    ),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    {
      arbitrary: fcPick([
        '__proto__[polluted]=1',
        'constructor[prototype][x]=1',
        'x=' + 'y'.repeat(8000),
        '%00=%00',
        'a[b][c][d][e][f][g]=1',
        '&&&=&',
        '%E2%80%AE=1',
      ]),
      weight: 1,
    },
  );
  return fc.tuple(fc.tuple(...parts), extra).map(([ps, e]) => {
    const q = [...ps, e].filter((x): x is string => x !== null).join('&');
    return q ? `?${q}` : '';
  });
}

function pathArb(op: Operation, world: World, otherWorld: World | undefined): fc.Arbitrary<string> {
  const parts = op.pathParams.map((p) => {
    const kind = paramKind(op.path, p.name);
    const hostile: fc.Arbitrary<string>[] = [fcPick(HOSTILE_PATH_VALUES)];
    if (otherWorld?.[kind]?.length) hostile.push(fc.nat().map((i) => encodeLoose(pick(otherWorld, kind, i) ?? 'x')));
    if (p.schema.enum) hostile.push(fcPick(['FORSTUDIE', 'forstudie ', 'hovedprosjekt2', '']));
    return fc.oneof(
      {
        arbitrary: fc.nat().map((i) => encodeLoose(pick(world, kind, i) ?? (p.schema.enum?.[i % p.schema.enum.length] as string) ?? 'x')),
        weight: 6,
      },
      { arbitrary: fc.oneof(...hostile), weight: 2 },
    );
  });
  return fc.tuple(...parts).map((values) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, values[i])));
    return url;
  });
}

export interface FuzzContext {
  world: World;
  /** Ids of another region, used as hostile path values. */
  otherWorld?: World;
  samples: Samples;
  /** Names of principals allowed to call the operation (the first is preferred), and all others. */
  principalsFor(op: Operation): { allowed: string[]; all: string[] };
}

/** The requests for one operation: a principal (mostly one allowed to call it), path, query and body. */
export function requestArbFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const { allowed, all } = ctx.principalsFor(op);
  return fc
    .tuple(
      fc.oneof({ arbitrary: fcPick(allowed.length ? allowed : all), weight: 9 }, { arbitrary: fcPick(all), weight: 1 }),
      pathArb(op, ctx.world, ctx.otherWorld),
      queryArb(op, ctx.world),
      op.method === 'get' || (op.method === 'delete' && !op.body) ? fc.constant({ label: 'no body' }) : bodyArb(op, ctx.world, ctx.samples),
    )
    .map(([principal, path, query, body]) => ({ op, principal, url: path + query, ...body }));
}

/**
 * The order operations are fuzzed in, shuffled by the seed: a first pass with every operation once, then
 * cycles with every write three times and every read once. Going round (rather than drawing operations at
 * random) reaches every route within the first pass, even when a slow machine cuts the run short.
 */
export function schedule(ops: readonly Operation[], seed: number): Operation[] {
  const once = fc.sample(fc.shuffledSubarray([...ops], { minLength: ops.length }), { seed, numRuns: 1 })[0];
  const weighted = ops.flatMap((op) => (WRITE_METHODS.includes(op.method) ? [op, op, op] : [op]));
  return [...once, ...fc.sample(fc.shuffledSubarray(weighted, { minLength: weighted.length }), { seed: seed + 1, numRuns: 1 })[0]];
}

/** Request number `i` of a run: reproducible from (seed, i) given the same database state. */
export function nthRequest(cycle: readonly Operation[], ctx: FuzzContext, seed: number, i: number): FuzzRequest {
  const op = cycle[i % cycle.length];
  return fc.sample(requestArbFor(op, ctx), { seed: (seed + i * 7919) | 0, numRuns: 1 })[0];
}

/** Sends a request through a supertest-like agent method. */
export function send(test: request.Test, r: Pick<FuzzRequest, 'contentType' | 'body' | 'files' | 'fields'>): request.Test {
  let t = test;
  if (r.files || r.fields) {
    for (const [k, v] of r.fields ?? []) t = t.field(k, v);
    for (const f of r.files ?? []) t = t.attach(f.field, f.data, { filename: f.filename, contentType: f.contentType });
    return t;
  }
  if (r.contentType) t = t.set('Content-Type', r.contentType);
  return r.body === undefined ? t : t.send(r.body);
}

// ---------------------------------------------------------------------------------------------------
// Database fingerprint
// ---------------------------------------------------------------------------------------------------

/**
 * Tables left out of the fingerprint, because a refused request legitimately writes them:
 * - user_session: the guard moves last_seen_at on every request, refused or not (idle timeout), and
 *   login creates sessions;
 * - login_attempt: every failed sign-in is recorded on purpose (that is the rate limit's memory).
 * history_event, outbox, job and notification stay in: a refused request must not record history,
 * send e-mail or notify anyone.
 */
export const FINGERPRINT_EXCLUDED = ['user_session', 'login_attempt'];

/**
 * A cheap fingerprint of every app table: row count and an order-independent sum of hashes of each
 * visible row version's (ctid, xmin). Any committed INSERT, UPDATE (even to the same values) or DELETE
 * changes it; work rolled back does not, and neither do row locks (they set xmax only). It reads no
 * column data, so it costs a few milliseconds on the demo database.
 */
export async function fingerprintQuery(db: DataSource): Promise<string> {
  const tables: { t: string }[] = await db.query(
    `SELECT table_name AS t FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) AND table_name NOT ILIKE '%migration%'
      ORDER BY 1`,
    [FINGERPRINT_EXCLUDED],
  );
  return tables
    .map(
      ({ t }) =>
        `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtextextended(x.ctid::text || x.xmin::text, 0)), 0)::text AS f FROM "${t}" x`,
    )
    .join(' UNION ALL ');
}

export type Fingerprint = Map<string, string>;

/** Something that runs a query: a TypeORM DataSource, or a pg Client (faster: a named, prepared statement). */
export type Queryable = DataSource | { query(config: { name: string; text: string }): Promise<{ rows: { t: string; f: string }[] }> };

export async function fingerprint(db: Queryable, query: string): Promise<Fingerprint> {
  const rows: { t: string; f: string }[] =
    'manager' in db ? await db.query(query) : (await db.query({ name: 'fuzz_fingerprint', text: query })).rows;
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** Tables whose fingerprint differs (passed to `record` for refusals, 4xx, and for 5xx). */
export function changedTables(a: Fingerprint, b: Fingerprint): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
}

// ---------------------------------------------------------------------------------------------------
// Running and counting
// ---------------------------------------------------------------------------------------------------

export interface Violation {
  /** Request number in the run (see nthRequest). */
  n: number;
  route: string;
  principal: string;
  url: string;
  input: string;
  status: number;
  response: string;
  tables?: string[];
}

export interface RouteStats {
  sent: number;
  s2xx: number;
  s4xx: number;
  s5xx: number;
  changedOnRefusal: number;
}

export interface FuzzStats {
  sent: number;
  byStatus: Map<number, number>;
  byRoute: Map<string, RouteStats>;
  serverErrors: Violation[];
  changedOnRefusal: Violation[];
  ms: number;
}

export const newStats = (): FuzzStats => ({
  sent: 0,
  byStatus: new Map(),
  byRoute: new Map(),
  serverErrors: [],
  changedOnRefusal: [],
  ms: 0,
});

export const routeKey = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

export function preview(x: unknown, n = 300): string {
  const s =
    typeof x === 'string' ? x : Buffer.isBuffer(x) ? `<${x.length} bytes: ${x.subarray(0, 40).toString('hex')}>` : JSON.stringify(x);
  const escaped = JSON.stringify(s ?? '').slice(1, -1); // makes NUL, surrogates and bidi visible
  return escaped.length > n ? `${escaped.slice(0, n)}… (${escaped.length} chars)` : escaped;
}

export function describeInput(r: FuzzRequest): string {
  if (r.files || r.fields)
    return `${r.label}: multipart ${(r.files ?? []).map((f) => `${f.field}=${preview(f.filename, 60)} (${f.data.length} B)`).join(', ')}`;
  return `${r.label}${r.contentType ? ` [${r.contentType}]` : ''}${r.body !== undefined ? `: ${preview(r.body, 2000)}` : ''}`;
}

export function record(stats: FuzzStats, n: number, r: FuzzRequest, status: number, responseText: string, tables: string[] | null): void {
  stats.sent += 1;
  stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
  const key = routeKey(r.op);
  const s = stats.byRoute.get(key) ?? { sent: 0, s2xx: 0, s4xx: 0, s5xx: 0, changedOnRefusal: 0 };
  s.sent += 1;
  if (status >= 200 && status < 300) s.s2xx += 1;
  else if (status >= 400 && status < 500) s.s4xx += 1;
  else if (status >= 500) s.s5xx += 1;
  stats.byRoute.set(key, s);
  const v: Violation = {
    n,
    route: key,
    principal: r.principal,
    url: preview(r.url, 200),
    input: describeInput(r),
    status,
    response: preview(responseText, 300),
  };
  // for a 5xx, `tables` tells whether it left a partial write behind
  if (status >= 500) stats.serverErrors.push(tables && tables.length ? { ...v, tables } : v);
  if (status < 500 && tables && tables.length) {
    s.changedOnRefusal += 1;
    stats.changedOnRefusal.push({ ...v, tables });
  }
}

/** Distinct violations (by route, status and first line of input label), with a count, for readable failures. */
export function summarize(vs: Violation[], max = 40): string {
  const groups = new Map<string, { v: Violation; n: number }>();
  for (const v of vs) {
    const k = `${v.route} ${v.status} ${v.input.split(':')[0]} ${v.tables?.join(',') ?? ''}`;
    const g = groups.get(k);
    if (g) g.n += 1;
    else groups.set(k, { v, n: 1 });
  }
  return [...groups.values()]
    .slice(0, max)
    .map(
      ({ v, n }) =>
        `- ${v.route} → ${v.status} (×${n}; first: request #${v.n}) as ${v.principal}\n    url: ${v.url}\n    input: ${v.input}\n    response: ${v.response}${v.tables ? `\n    changed tables: ${v.tables.join(', ')}` : ''}`,
    )
    .join('\n');
}

export function formatStats(stats: FuzzStats, seed: number): string {
  const lines = [
    `fuzz totals (seed ${seed}, ${(stats.ms / 1000).toFixed(1)} s): ${stats.sent} requests sent, ${stats.serverErrors.length} answered 5xx, ` +
      `${stats.changedOnRefusal.length} refused-but-changed; by status: ${[...stats.byStatus.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => `${k}×${v}`)
        .join(' ')}`,
    'per route: sent / 2xx / 4xx / 5xx / changed-on-refusal',
    ...[...stats.byRoute.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(
        ([k, s]) =>
          `  ${k.padEnd(82)} ${String(s.sent).padStart(5)} ${String(s.s2xx).padStart(5)} ${String(s.s4xx).padStart(5)} ${String(s.s5xx).padStart(4)} ${String(s.changedOnRefusal).padStart(4)}`,
      ),
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Deterministic, valid-looking bodies (cross-region checks: the body must pass validation so that
// the access checks behind it are what answers)
// ---------------------------------------------------------------------------------------------------

/** A valid-looking value for a schema; id-like fields get `idFor(kind)` (another region's ids, say). */
export function exampleValue(schema: Schema, idFor: (kind: IdKind) => string | undefined, field?: string, depth = 0): unknown {
  const kind = field ? FIELD_KIND[field] : undefined;
  if (schema.enum) return schema.enum[0];
  if (schema.example !== undefined && !kind && schema.type !== 'object' && schema.type !== 'array') return schema.example;
  switch (schema.type) {
    case 'string':
      if (kind || schema.format === 'uuid') return idFor(kind ?? 'project') ?? '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b';
      if (schema.format === 'date') return '2026-03-01';
      if (schema.pattern === '^\\d{4}$') return '3399';
      if (field === 'period') return '2026-11';
      if (field === 'email') return 'cross.region@test.no';
      return field?.toLowerCase().includes('password') ? 'long-enough-password-123' : 'Tverrregional test';
    case 'number':
    case 'integer':
      if (field === 'version' || field === 'basedOnVersion') return 1;
      if (field === 'year') return 2027;
      if (field === 'equalPercent') return 50;
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      if (depth > 4) return [];
      return [exampleValue(schema.items ?? { type: 'string' }, idFor, field, depth + 1)];
    default:
      if (depth > 4 || !schema.properties) return schema.example ?? {};
      return Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, exampleValue(s, idFor, k, depth + 1)]));
  }
}

/** Zip archives (XLSX, DOCX) as the text of their parts, so a search for leaked names sees inside them. */
export function searchableText(body: Buffer | string | undefined): string {
  if (body === undefined) return '';
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b) {
    try {
      const parts = unzipSync(b);
      return Object.values(parts)
        .map((u) => Buffer.from(u).toString('utf8'))
        .join('\n');
    } catch {
      return b.toString('latin1');
    }
  }
  return b.toString('utf8');
}
