import type { Ref } from 'react';
import { Button, Field, Fieldset, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { ROLE_SCOPE, ROLES, type Role } from '@nvr/shared';
import { isRoleAssignable } from './role-scope';
import { useTranslation } from 'react-i18next';
import type { RoleInput } from '../../../api/types';

/** Roles an administrator gives here: global and region roles (project roles come from the project's team). */
export const ASSIGNABLE_ROLES = ROLES.filter(isRoleAssignable);

export interface RoleRow {
  role: Role;
  regionId: string;
}

export function toRoleInputs(rows: RoleRow[]): RoleInput[] {
  return rows.map((r) => (ROLE_SCOPE[r.role] === 'region' ? { role: r.role, regionId: r.regionId } : { role: r.role }));
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
              <Select value={row.role} onChange={(e) => set(index, { role: e.target.value as Role })}>
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
                  onChange={(e) => set(index, { regionId: e.target.value })}
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
