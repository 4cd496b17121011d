import type { Ref } from 'react';
import { Button, Field, Fieldset, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { ROLE_SCOPE, ROLES, type Role } from '@nvr/shared';
import { isRoleAssignable } from './role-scope';
import { useTranslation } from 'react-i18next';
import type { RoleInput } from '../../../api/types';
import { useRegionKommuner } from '../api/get-region-kommuner';

/** Roles an administrator gives here: global and region roles (project roles come from the project's team). */
export const ASSIGNABLE_ROLES = ROLES.filter(isRoleAssignable);

export interface RoleRow {
  role: Role;
  regionId: string;
  /** Only for kommune_contact: the kommune it speaks for; '' = the whole region. */
  kommuneId?: string;
}

/** A role as SetRolesDto takes it, with a kommune contact's kommune (kommuneId, until the API types are regenerated). */
export type ScopedRoleInput = RoleInput & { kommuneId?: string | null };

export function toRoleInputs(rows: RoleRow[]): ScopedRoleInput[] {
  return rows.map((r) => {
    if (ROLE_SCOPE[r.role] !== 'region') return { role: r.role };
    return r.role === 'kommune_contact' && r.kommuneId
      ? { role: r.role, regionId: r.regionId, kommuneId: r.kommuneId }
      : { role: r.role, regionId: r.regionId };
  });
}

/** A row needs a region when its role is scoped to one; returns the index of the first row lacking it. */
export function firstRowMissingRegion(rows: RoleRow[]): number {
  return rows.findIndex((r) => ROLE_SCOPE[r.role] === 'region' && !r.regionId);
}

/** Role rows: role, and region when the role needs one; add and remove rows. */
export function RoleRows({
  idPrefix,
  rows,
  onChange,
  regions,
  missingRegionAt,
  missingRegionRef,
}: {
  idPrefix: string;
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  regions: { id: string; name: string }[];
  /** Index of a row whose region is missing (to show the error there), or -1. */
  missingRegionAt: number;
  /** Given to the region select of the first row that lacks one, so a form can focus it. */
  missingRegionRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useTranslation();
  const firstMissing = firstRowMissingRegion(rows);
  const set = (index: number, row: Partial<RoleRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...row } : r)));

  return (
    <Fieldset>
      <Fieldset.Legend>{t('users.roles.legend')}</Fieldset.Legend>
      <Fieldset.Description>{t('users.roles.hint')}</Fieldset.Description>
      {rows.length === 0 && <Paragraph data-size="sm">{t('users.roles.none')}</Paragraph>}
      {rows.map((row, index) => {
        const needsRegion = ROLE_SCOPE[row.role] === 'region';
        return (
          <div className="role-row" key={index}>
            <Field>
              <Label>{t('users.roles.role', { number: index + 1 })}</Label>
              <Select value={row.role} onChange={(e) => set(index, { role: e.target.value as Role, kommuneId: '' })}>
                {ASSIGNABLE_ROLES.map((role) => (
                  <Select.Option key={role} value={role}>
                    {t(`roles.names.${role}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {needsRegion && (
              <Field>
                <Label>{t('users.roles.region', { number: index + 1 })}</Label>
                <Select
                  id={`${idPrefix}-region-${index}`}
                  ref={index === firstMissing ? missingRegionRef : undefined}
                  value={row.regionId}
                  onChange={(e) => set(index, { regionId: e.target.value, kommuneId: '' })}
                  aria-invalid={missingRegionAt === index ? true : undefined}
                >
                  <Select.Option value="">{t('users.roles.chooseRegion')}</Select.Option>
                  {regions.map((r) => (
                    <Select.Option key={r.id} value={r.id}>
                      {r.name}
                    </Select.Option>
                  ))}
                </Select>
                {missingRegionAt === index && <ValidationMessage>{t('users.roles.regionRequired')}</ValidationMessage>}
              </Field>
            )}
            {row.role === 'kommune_contact' && row.regionId && (
              <Field>
                <Label>{t('kommuneScope.label', { number: index + 1 })}</Label>
                <Field.Description>{t('kommuneScope.hint')}</Field.Description>
                <KommuneSelect
                  id={`${idPrefix}-kommune-${index}`}
                  regionId={row.regionId}
                  value={row.kommuneId ?? ''}
                  onChange={(kommuneId) => set(index, { kommuneId })}
                />
              </Field>
            )}
            <Button
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              aria-label={t('users.roles.removeNamed', { number: index + 1 })}
            >
              {t('users.roles.remove')}
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => onChange([...rows, { role: 'regionraad', regionId: regions.length === 1 ? regions[0].id : '' }])}
        >
          {t('users.roles.add')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** A kommune contact's kommune: one of the region's current member kommuner, or the whole region (''). */
function KommuneSelect({
  id,
  regionId,
  value,
  onChange,
}: {
  id: string;
  regionId: string;
  value: string;
  onChange: (kommuneId: string) => void;
}) {
  const { t } = useTranslation();
  const kommuner = useRegionKommuner(regionId);
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <Select.Option value="">{t('kommuneScope.regionWide')}</Select.Option>
      {kommuner.map((k) => (
        <Select.Option key={k.id} value={k.id}>
          {k.name}
        </Select.Option>
      ))}
    </Select>
  );
}
