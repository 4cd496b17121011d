import { todayInOslo } from '@nvr/shared';
import { useId, useState } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { StatusMessage } from '../../../components/status-message';
import { useAccess } from '../../../lib/auth';
import { AddMemberForm } from './add-member-form';
import { CaseRouteSection } from './case-route-section';
import { EditRegionDialog } from './edit-region-dialog';
import { groupMemberships } from './memberships';
import { MembersSection } from './members-section';
import { PeriodMembersTable } from './period-members-table';
import { PopulationSection } from './population-section';
import { RegionSummary } from './region-summary';

/** Everything on a region's page below the breadcrumbs: h1, facts, members, forms. */
export function RegionDetails({ region }: { region: Region }) {
  const { t } = useTranslation();
  const upcomingId = useId();
  const formerId = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const { current, upcoming, former } = groupMemberships(region.members, todayInOslo());
  // Name, regionråd and members are changed by administrators only; everyone else reads.
  const canAdminister = useAccess().canOnRegion(region.id, 'administer');

  return (
    <>
      <div className="page-header">
        <Heading level={1} data-size="lg">
          {region.name}
        </Heading>
        {canAdminister && <EditRegionDialog region={region} onSaved={setSaved} />}
      </div>
      <StatusMessage message={saved} />
      <RegionSummary region={region} />
      <MembersSection region={region} members={current} canAdminister={canAdminister} />
      {canAdminister && <AddMemberForm region={region} />}
      {upcoming.length > 0 && (
        <section aria-labelledby={upcomingId} className="section">
          <Heading level={2} data-size="md" id={upcomingId}>
            {t('regions.members.upcomingHeading')}
          </Heading>
          <PeriodMembersTable caption={t('regions.members.upcomingCaption', { region: region.name })} members={upcoming} />
        </section>
      )}
      {former.length > 0 && (
        <section aria-labelledby={formerId} className="section">
          <Heading level={2} data-size="md" id={formerId}>
            {t('regions.members.formerHeading')}
          </Heading>
          <PeriodMembersTable caption={t('regions.members.formerCaption', { region: region.name })} members={former} />
        </section>
      )}
      <CaseRouteSection region={region} />
      <PopulationSection region={region} canAdminister={canAdminister} />
    </>
  );
}
