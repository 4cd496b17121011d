import { useId, useRef, useState } from 'react';
import { Button, Heading, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { type CaseRoute, useCaseRoute } from '../api/get-case-route';
import { gateDeciders, orderedBodies } from './case-route';
import { CaseRouteEditor } from './case-route-editor';
import { TableScroll } from '../../../components/table-scroll';

/**
 * "Saksgang": the region's bodies in the order a case passes them, who is the project owner and who
 * decides each gate; for those the server lets edit it (administrators and the region's regionråd), an
 * editor that saves it all at once.
 */
export function CaseRouteSection({ region }: { region: Region }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const route = useCaseRoute(region.id);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  function stopEditing(message: string | null) {
    setEditing(false);
    setStatus(message);
    requestAnimationFrame(() => (message ? headingRef.current : editButtonRef.current)?.focus());
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('caseRoute.heading')}
      </Heading>
      <Paragraph>{t('caseRoute.intro')}</Paragraph>
      <StatusMessage message={status} />
      {route.isPending ? (
        <Loading label={t('caseRoute.loading')} />
      ) : route.isError ? (
        <ErrorAlert error={route.error} title={t('caseRoute.loadError')} />
      ) : editing ? (
        <CaseRouteEditor
          region={region}
          route={route.data}
          onSaved={() => stopEditing(t('caseRoute.saved'))}
          onCancel={() => stopEditing(null)}
        />
      ) : (
        <>
          <CaseRouteView region={region} route={route.data} />
          {route.data.permissions.edit && (
            <div className="form__actions">
              <Button
                ref={editButtonRef}
                variant="secondary"
                onClick={() => {
                  setStatus(null);
                  setEditing(true);
                }}
              >
                {t('caseRoute.edit')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The route as a table (order, name, kind, owner, gates decided) and one line per gate saying who decides it. */
function CaseRouteView({ region, route }: { region: Region; route: CaseRoute }) {
  const { t } = useTranslation();
  const decidersId = useId();
  const bodies = orderedBodies(route);
  const deciders = gateDeciders(route);
  const owner = bodies.find((b) => b.isOwner);

  if (bodies.length === 0) return <Paragraph>{t('caseRoute.empty', { council: region.councilName })}</Paragraph>;

  return (
    <>
      <TableScroll>
        <Table zebra border>
          <caption>{t('caseRoute.caption', { region: region.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="numeric">
                {t('caseRoute.columns.position')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('caseRoute.columns.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('caseRoute.columns.kind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('caseRoute.columns.owner')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('caseRoute.columns.decides')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {bodies.map((body, i) => {
              const decides = deciders.filter((d) => d.body.id === body.id).map((d) => t(`caseRoute.gates.${d.phase}`));
              return (
                <Table.Row key={body.id}>
                  <Table.Cell className="numeric">{i + 1}</Table.Cell>
                  <Table.HeaderCell scope="row">{body.name}</Table.HeaderCell>
                  <Table.Cell>{t(`caseRoute.kinds.${body.kind}`)}</Table.Cell>
                  <Table.Cell>
                    {body.isOwner ? (
                      <Tag data-color="info" data-size="sm">
                        {t('caseRoute.ownerMark')}
                      </Tag>
                    ) : (
                      t('caseRoute.notOwner')
                    )}
                  </Table.Cell>
                  <Table.Cell>{decides.length > 0 ? decides.join(', ') : t('caseRoute.decidesNone')}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
      <Heading level={3} data-size="xs" id={decidersId}>
        {t('caseRoute.decidersHeading')}
      </Heading>
      <List.Unordered aria-labelledby={decidersId}>
        {deciders.map(({ phase, body, owner: byOwner }) => {
          const gate = t(`caseRoute.gateTitles.${phase}`);
          return (
            <List.Item key={phase}>
              {byOwner
                ? t('caseRoute.deciderOwner', { gate, body: body.name })
                : owner
                  ? t('caseRoute.deciderDelegated', { gate, body: body.name, owner: owner.name })
                  : t('caseRoute.deciderFallback', { gate, body: body.name })}
            </List.Item>
          );
        })}
      </List.Unordered>
    </>
  );
}
