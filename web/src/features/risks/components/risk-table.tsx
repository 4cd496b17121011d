import type { ReactNode } from 'react';
import { Details, Table, Tag } from '@digdir/designsystemet-react';
import type { RiskLevel, RiskStatus } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { RiskView } from '../api/types';
import { useRiskText } from './risk-text';
import './risks.css';

const STATUS_COLOR: Record<RiskStatus, 'info' | 'neutral' | 'danger'> = { open: 'info', closed: 'neutral', occurred: 'danger' };

/** A score with its level: a coloured dot (not the only cue) and "15 (høy)". */
function Score({ probability, consequence, score, level }: { probability: number; consequence: number; score: number; level: RiskLevel }) {
  const words = useRiskText();
  return (
    <span className="risks__score" title={words.scoreLong(probability, consequence, score, level)}>
      <span className={`risks__level risks__level--${level}`} aria-hidden="true" />
      {words.score(score, level)}
      <span className="visually-hidden"> – {words.scoreLong(probability, consequence, score, level)}</span>
    </span>
  );
}

/**
 * The register as a table, one risk a row: number, the risk (with its cause, consequence and measures
 * behind "show"), the score before and after measures, strategy, owner, when, status, and the actions a
 * writer has. The wrapper scrolls sideways on a narrow screen and takes focus for it.
 */
export function RiskTable({
  risks,
  caption,
  actions,
}: {
  risks: readonly RiskView[];
  caption: string;
  /** The buttons of one row (only for those who may write). */
  actions?: (risk: RiskView) => ReactNode;
}) {
  const { t } = useTranslation();
  const words = useRiskText();
  return (
    <div className="risks__table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <Table zebra border>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('risks.columns.number')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.description')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.before')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.after')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.strategy')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.owner')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.proximity')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risks.columns.status')}</Table.HeaderCell>
            {actions && <Table.HeaderCell scope="col">{t('risks.columns.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {risks.map((r) => (
            <Table.Row key={r.id}>
              <Table.HeaderCell scope="row" className="risks__number">
                {t('risks.number', { n: r.number })}
              </Table.HeaderCell>
              <Table.Cell>
                {r.description}
                {(r.cause || r.consequence || r.measures) && (
                  <Details className="risks__details" data-size="sm">
                    <Details.Summary>{t('risks.details')}</Details.Summary>
                    <Details.Content>
                      <dl>
                        <dt>{t('risks.cause')}</dt>
                        <dd>{r.cause || t('risks.none')}</dd>
                        <dt>{t('risks.consequenceText')}</dt>
                        <dd>{r.consequence || t('risks.none')}</dd>
                        <dt>{t('risks.measures')}</dt>
                        <dd>{r.measures || t('risks.none')}</dd>
                      </dl>
                    </Details.Content>
                  </Details>
                )}
              </Table.Cell>
              <Table.Cell>
                <Score probability={r.probabilityBefore} consequence={r.consequenceBefore} score={r.scoreBefore} level={r.levelBefore} />
              </Table.Cell>
              <Table.Cell>
                <Score
                  probability={r.probabilityAfter ?? r.probabilityBefore}
                  consequence={r.consequenceAfter ?? r.consequenceBefore}
                  score={r.scoreAfter}
                  level={r.levelAfter}
                />
              </Table.Cell>
              <Table.Cell>{t(`risks.strategies.${r.strategy}`)}</Table.Cell>
              <Table.Cell>{r.owner?.name ?? t('risks.noOwner')}</Table.Cell>
              <Table.Cell>
                {words.quarter(r.proximity)}
                {r.proximity && r.status === 'open' && <span className="cell-note">{words.nearness(r.proximity)}</span>}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[r.status]} data-size="sm">
                  {t(`risks.statuses.${r.status}`)}
                </Tag>
              </Table.Cell>
              {actions && (
                <Table.Cell>
                  <div className="row-actions">{actions(r)}</div>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
