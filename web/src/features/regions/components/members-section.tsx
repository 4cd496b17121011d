import { useId, useRef, useState } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Membership, Region } from '../../../api/types';
import { StatusMessage } from '../../../components/status-message';
import { CurrentMembersTable } from './current-members-table';
import { EndMembershipDialog } from './end-membership-dialog';

/** The current members, each (for administrators) with an "end membership" action that asks for confirmation. */
export function MembersSection({ region, members, canAdminister }: { region: Region; members: Membership[]; canAdminister: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const triggerRef = useRef<HTMLElement | null>(null);
  const [ending, setEnding] = useState<Membership | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  /** Focus goes back to the button that opened the dialog, or to the heading if its row is gone. */
  function close() {
    setEnding(null);
    requestAnimationFrame(() => {
      const trigger = triggerRef.current;
      if (trigger?.isConnected) trigger.focus();
      else headingRef.current?.focus();
    });
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('regions.members.heading')}
      </Heading>
      <StatusMessage message={status} />
      <CurrentMembersTable
        region={region}
        members={members}
        onEnd={
          canAdminister
            ? (membership) => {
                triggerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                setStatus(null);
                setEnding(membership);
              }
            : undefined
        }
      />
      {ending && (
        <EndMembershipDialog
          key={ending.id}
          regionId={region.id}
          membership={ending}
          onClose={close}
          onEnded={(message) => {
            close();
            setStatus(message);
          }}
        />
      )}
    </section>
  );
}
