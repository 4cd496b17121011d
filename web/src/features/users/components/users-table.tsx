import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { useRoleLabel } from '../../../lib/roles';
import { EditUserDialog } from './edit-user-dialog';
import { SetPasswordDialog } from './set-password-dialog';
import { TableScroll } from '../../../components/table-scroll';

/** Every account: name, e-mail, roles (each with its region), active or not, and what an administrator can do. */
export function UsersTable({
  users,
  regions,
  onChanged,
}: {
  users: User[];
  regions: { id: string; name: string }[];
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name, 'nb'));

  if (users.length === 0) return <Paragraph>{t('users.list.empty')}</Paragraph>;

  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('users.list.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('users.list.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.list.columns.email')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.list.columns.roles')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.list.columns.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('users.list.columns.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.map((user) => (
            <Table.Row key={user.id}>
              <Table.HeaderCell scope="row">{user.name}</Table.HeaderCell>
              <Table.Cell>{user.email}</Table.Cell>
              <Table.Cell>
                {user.roles.length === 0 ? (
                  <span className="muted">{t('users.roles.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {user.roles.map((r, i) => (
                      <li key={`${r.role}-${r.regionId}-${r.projectId}-${i}`}>
                        {roleLabel(r)}
                        {kommuneOf(r) ? ` – ${kommuneOf(r)}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={user.active ? 'success' : 'neutral'} data-size="sm">
                  {t(user.active ? 'users.list.active' : 'users.list.inactive')}
                </Tag>
              </Table.Cell>
              <Table.Cell>
                <div className="row-actions">
                  <EditUserDialog user={user} regions={regions} onSaved={onChanged} />
                  <SetPasswordDialog user={user} onSaved={onChanged} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** A kommune contact's kommune, when it speaks for one (kommuneName, until the API types are regenerated). */
function kommuneOf(role: object): string | null {
  return (role as { kommuneName?: string | null }).kommuneName ?? null;
}
