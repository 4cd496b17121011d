import { useId, useState } from 'react';
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { BODY_KINDS, type BodyKind } from '@nvr/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { SaveFeedback } from '../../../components/save-feedback';
import { ApiError } from '../../../lib/api-error';
import { useApiForm } from '../../../lib/use-api-form';
import { type CaseRoute, GATE_PHASES, type GatePhase, getCaseRouteQueryOptions } from '../api/get-case-route';
import { type SaveCaseRouteBody, useSaveCaseRoute } from '../api/save-case-route';
import { orderedBodies } from './case-route';
import './regions.css';

/** The server's limit (CaseRouteDto: at most 12 bodies). */
export const MAX_BODIES = 12;

interface BodyRow {
  /** Stable within the form (the body's id, or a made-up key for a new body), so owner and deciders survive moves. */
  rowKey: string;
  /** Empty for a body not saved yet. */
  bodyId: string;
  name: string;
  kind: BodyKind | '';
}

interface Values {
  bodies: BodyRow[];
  /** rowKey of the owner. */
  owner: string;
  /** rowKey of the body each gate is delegated to; '' when the owner decides. */
  deciders: Record<GatePhase, string>;
}

let newRows = 0;
const newRowKey = () => `new-${++newRows}`;

function valuesOf(route: CaseRoute): Values {
  const bodies = orderedBodies(route);
  const owner = bodies.find((b) => b.isOwner)?.id ?? '';
  const deciders = {} as Record<GatePhase, string>;
  for (const phase of GATE_PHASES) {
    const id = route.deciders[phase];
    deciders[phase] = id && id !== owner && bodies.some((b) => b.id === id) ? id : '';
  }
  return { bodies: bodies.map((b) => ({ rowKey: b.id, bodyId: b.id, name: b.name, kind: b.kind })), owner, deciders };
}

/** The PUT body: bodies in order, the owner marked, each delegated gate on the body it is delegated to. */
function bodyOf(values: Values, version: CaseRoute['version']): SaveCaseRouteBody {
  return {
    version,
    bodies: values.bodies.map((row) => ({
      ...(row.bodyId ? { id: row.bodyId } : {}),
      name: row.name.trim(),
      kind: row.kind as BodyKind,
      isOwner: row.rowKey === values.owner,
      decidesGates: GATE_PHASES.filter((phase) => values.deciders[phase] === row.rowKey && row.rowKey !== values.owner),
    })),
  };
}

/** 'bodies[2].name' or 'bodies.2.name' → 'bodies.2.name' (react-hook-form's path); null for other fields. */
function rowFieldPath(field: string): `bodies.${number}.name` | `bodies.${number}.kind` | null {
  const match = /^bodies(?:\[(\d+)\]|\.(\d+))\.(name|kind)$/.exec(field);
  if (!match) return null;
  return `bodies.${Number(match[1] ?? match[2])}.${match[3] as 'name' | 'kind'}`;
}

/**
 * Edits the whole route and saves it in one PUT with the version read: add, rename, remove and reorder
 * bodies (buttons, so it works from the keyboard), their kind, one owner, and who decides each gate
 * (the owner unless delegated). On 409 VERSION_CONFLICT it offers to reload the newest route.
 */
export function CaseRouteEditor({
  region,
  route,
  onSaved,
  onCancel,
}: {
  region: Region;
  route: CaseRoute;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const prefix = useId();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(route);
  const [reloaded, setReloaded] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const form = useApiForm<Values>({ defaultValues: valuesOf(route), codeFields: { CASE_ROUTE_NO_OWNER: 'owner' } });
  const { register, control, formState, setValue, getValues, setError } = form;
  const { errors, isSubmitting } = formState;
  const rows = useFieldArray({ control, name: 'bodies', keyName: 'fieldKey' });
  const save = useSaveCaseRoute(region.id);
  const values = form.watch();
  const nameOf = (row: BodyRow | undefined, index: number) => row?.name.trim() || t('caseRoute.editor.unnamedBody', { n: index + 1 });
  const ownerRow = values.bodies.find((r) => r.rowKey === values.owner);

  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const buttonId = (what: 'up' | 'down' | 'name', rowKey: string) => `${prefix}-${what}-${rowKey}`;

  function move(from: number, to: number) {
    const row = getValues(`bodies.${from}`);
    rows.move(from, to);
    setStatus(t('caseRoute.editor.moved', { name: nameOf(row, from), n: to + 1 }));
    // Keep focus on the row's own button; at the top or bottom the other direction is the one left.
    const last = getValues('bodies').length - 1;
    focus(buttonId(to === 0 ? 'down' : to === last ? 'up' : from > to ? 'up' : 'down', row.rowKey));
  }

  function removeRow(index: number) {
    const row = getValues(`bodies.${index}`);
    rows.remove(index);
    if (getValues('owner') === row.rowKey) setValue('owner', '');
    for (const phase of GATE_PHASES) if (getValues(`deciders.${phase}`) === row.rowKey) setValue(`deciders.${phase}`, '');
    setStatus(t('caseRoute.editor.removed', { name: nameOf(row, index) }));
    const next = getValues('bodies')[Math.min(index, getValues('bodies').length - 1)];
    focus(next ? buttonId('name', next.rowKey) : `${prefix}-add`);
  }

  function addRow() {
    const rowKey = newRowKey();
    rows.append({ rowKey, bodyId: '', name: '', kind: '' }, { shouldFocus: false });
    setStatus(null);
    focus(buttonId('name', rowKey));
  }

  async function reload() {
    try {
      const fresh = await queryClient.fetchQuery({ ...getCaseRouteQueryOptions(region.id), staleTime: 0 });
      setBase(fresh);
      form.reset(valuesOf(fresh));
      setReloaded(true);
    } catch {
      // The conflict alert stays; the person can try again.
    }
  }

  /** Field errors on a row ('bodies[1].name') go to that row's field; the rest as the form's own. */
  function applyErrors(error: unknown) {
    if (error instanceof ApiError && error.fieldErrors.length > 0) {
      const elsewhere = error.fieldErrors.filter((e) => !rowFieldPath(e.field));
      let first = true;
      for (const e of error.fieldErrors) {
        const path = rowFieldPath(e.field);
        if (!path) continue;
        setError(path, { type: 'server', message: e.messages.join(' ') }, { shouldFocus: first });
        first = false;
      }
      if (elsewhere.length === 0) return;
      form.applyServerErrors(new ApiError(error.status, error.code, error.message, elsewhere));
      return;
    }
    form.applyServerErrors(error);
  }

  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync(bodyOf(v, base.version));
      onSaved();
    } catch (error) {
      applyErrors(error);
    }
  });

  const uniqueName = (index: number) => (name: string) => {
    const key = name.trim().toLocaleLowerCase('nb');
    if (!key) return t('caseRoute.editor.nameRequired');
    const clash = getValues('bodies').some((r, i) => i < index && r.name.trim().toLocaleLowerCase('nb') === key);
    return !clash || t('caseRoute.editor.nameTaken');
  };

  return (
    <form
      className="form"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        setReloaded(false);
        void submit(e);
      }}
      noValidate
    >
      <Heading level={3} data-size="sm" id={headingId}>
        {t('caseRoute.editor.heading')}
      </Heading>
      <Paragraph>{t('caseRoute.editor.intro')}</Paragraph>
      {/* Moves and removals are announced; the rows themselves show the result. */}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {status}
      </div>

      <Fieldset>
        <Fieldset.Legend>{t('caseRoute.editor.bodiesLegend')}</Fieldset.Legend>
        {rows.fields.length === 0 && <Paragraph>{t('caseRoute.editor.none', { council: region.councilName })}</Paragraph>}
        <ol className="case-route-rows">
          {rows.fields.map((field, index) => {
            const row = values.bodies[index] ?? field;
            const name = nameOf(row, index);
            const rowErrors = errors.bodies?.[index];
            return (
              <li key={field.fieldKey} className="case-route-row">
                <Fieldset>
                  <Fieldset.Legend>
                    {row.name.trim()
                      ? t('caseRoute.editor.bodyLegend', { n: index + 1, name })
                      : t('caseRoute.editor.bodyLegendUnnamed', { n: index + 1 })}
                  </Fieldset.Legend>
                  <div className="form__row">
                    <Textfield
                      id={buttonId('name', field.rowKey)}
                      label={t('caseRoute.editor.name')}
                      description={t('caseRoute.editor.nameHint')}
                      {...register(`bodies.${index}.name`, { validate: uniqueName(index) })}
                      error={rowErrors?.name?.message}
                      required
                      maxLength={120}
                      autoComplete="off"
                    />
                    <Field>
                      <Label>{t('caseRoute.editor.kind')}</Label>
                      <Select
                        {...register(`bodies.${index}.kind`, { required: t('caseRoute.editor.kindRequired') })}
                        aria-invalid={rowErrors?.kind ? true : undefined}
                        required
                      >
                        <Select.Option value="">{t('caseRoute.editor.chooseKind')}</Select.Option>
                        {BODY_KINDS.map((kind) => (
                          <Select.Option key={kind} value={kind}>
                            {t(`caseRoute.kinds.${kind}`)}
                          </Select.Option>
                        ))}
                      </Select>
                      {rowErrors?.kind?.message && <ValidationMessage>{rowErrors.kind.message}</ValidationMessage>}
                    </Field>
                  </div>
                  <div className="form__actions">
                    <Button
                      id={buttonId('up', field.rowKey)}
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('caseRoute.editor.moveUp', { name })}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      {t('caseRoute.editor.up')}
                    </Button>
                    <Button
                      id={buttonId('down', field.rowKey)}
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('caseRoute.editor.moveDown', { name })}
                      disabled={index === rows.fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      {t('caseRoute.editor.down')}
                    </Button>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      aria-label={t('caseRoute.editor.remove', { name })}
                      onClick={() => removeRow(index)}
                    >
                      {t('caseRoute.editor.removeShort')}
                    </Button>
                  </div>
                </Fieldset>
              </li>
            );
          })}
        </ol>
        {rows.fields.length >= MAX_BODIES ? (
          <Paragraph>{t('caseRoute.editor.tooMany', { max: MAX_BODIES })}</Paragraph>
        ) : (
          <div>
            <Button id={`${prefix}-add`} type="button" variant="secondary" onClick={addRow}>
              {t('caseRoute.editor.add')}
            </Button>
          </div>
        )}
      </Fieldset>

      {rows.fields.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('caseRoute.editor.ownerLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('caseRoute.editor.ownerHint')}</Fieldset.Description>
          {rows.fields.map((field, index) => (
            <Radio
              key={field.fieldKey}
              value={field.rowKey}
              label={nameOf(values.bodies[index], index)}
              aria-invalid={errors.owner ? true : undefined}
              {...register('owner', { required: t('caseRoute.editor.ownerRequired') })}
            />
          ))}
          {errors.owner?.message && <ValidationMessage>{errors.owner.message}</ValidationMessage>}
        </Fieldset>
      )}

      {rows.fields.length > 1 && (
        <Fieldset>
          <Fieldset.Legend>{t('caseRoute.editor.decidersLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('caseRoute.editor.decidersHint')}</Fieldset.Description>
          {GATE_PHASES.map((phase) => (
            <Field key={phase}>
              <Label>{t(`caseRoute.gateTitles.${phase}`)}</Label>
              <Select {...register(`deciders.${phase}`)}>
                <Select.Option value="">
                  {ownerRow
                    ? t('caseRoute.editor.deciderOwnerOption', { owner: nameOf(ownerRow, values.bodies.indexOf(ownerRow)) })
                    : t('caseRoute.editor.deciderOwnerNone')}
                </Select.Option>
                {values.bodies.map((row, index) =>
                  row.rowKey === values.owner ? null : (
                    <Select.Option key={row.rowKey} value={row.rowKey}>
                      {t('caseRoute.editor.deciderDelegatedOption', { name: nameOf(row, index) })}
                    </Select.Option>
                  ),
                )}
              </Select>
            </Field>
          ))}
        </Fieldset>
      )}

      <SaveFeedback
        reloaded={reloaded}
        conflict={form.formErrorCode === 'VERSION_CONFLICT'}
        onReload={() => void reload()}
        error={null}
        conflictTitle={t('caseRoute.editor.conflictTitle')}
        conflictBody={t('caseRoute.editor.conflictBody')}
      />
      {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('caseRoute.editor.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('caseRoute.editor.cancel')}
        </Button>
      </div>
    </form>
  );
}
