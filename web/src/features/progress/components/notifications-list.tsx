import { useState } from 'react';
import { Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../../api/progress-types';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mark-notifications-read';
import { useNotificationTitle } from './notification-text';
import { ProgressError } from './progress-error';
import './progress.css';

/** One's notifications, newest first: unread ones marked in words, each linked to where it leads; mark read, or all read. */
export function NotificationsList({ items, unreadCount }: { items: AppNotification[]; unreadCount: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const markAll = useMarkAllNotificationsRead({
    onSuccess: (marked) => setStatus(t('progress.notifications.allMarked', { count: marked })),
  });
  const markOne = useMarkNotificationRead();

  return (
    <>
      <div className="page-header">
        <Paragraph>
          {unreadCount > 0 ? t('progress.notifications.unreadSummary', { count: unreadCount }) : t('progress.notifications.allRead')}
        </Paragraph>
        {unreadCount > 0 && (
          <Button
            type="button"
            variant="secondary"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={markAll.isPending}
          >
            {t('progress.notifications.markAll')}
          </Button>
        )}
      </div>
      <StatusMessage message={status} />
      {markAll.error ? <ProgressError error={markAll.error} /> : null}
      {markOne.error ? <ProgressError error={markOne.error} /> : null}
      {items.length === 0 ? (
        <Paragraph>{t('progress.notifications.empty')}</Paragraph>
      ) : (
        <ul className="notifications">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onMarkRead={() => markOne.mutate(n.id, { onSuccess: () => setStatus(t('progress.notifications.marked')) })}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function NotificationItem({ notification: n, onMarkRead }: { notification: AppNotification; onMarkRead: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const title = useNotificationTitle()(n);
  const markRead = useMarkNotificationRead();
  const unread = !n.readAt;
  const excerpt =
    n.kind === 'mention' && typeof (n.params as Record<string, unknown>)?.excerpt === 'string'
      ? ((n.params as Record<string, unknown>).excerpt as string)
      : null;

  return (
    <li className={`notification ${unread ? 'notification--unread' : ''}`}>
      <div className="notification__head">
        {unread && (
          <Tag data-size="sm" data-color="info">
            {t('progress.notifications.unread')}
          </Tag>
        )}
        <span className="muted">{format.dateTime(n.createdAt)}</span>
      </div>
      <p className="notification__title">
        {n.link ? (
          <Link asChild>
            <RouterLink
              to={n.link}
              onClick={(e) => {
                if (!unread) return;
                // Mark it read on the way (the link still works if that fails).
                e.preventDefault();
                markRead.mutate(n.id, { onSettled: () => navigate(n.link!) });
              }}
            >
              {title}
            </RouterLink>
          </Link>
        ) : (
          title
        )}
      </p>
      {excerpt ? (
        <Paragraph className="notification__excerpt">«{excerpt}»</Paragraph>
      ) : n.kind !== 'mention' && n.body ? (
        <Paragraph data-size="sm">{n.body}</Paragraph>
      ) : null}
      {unread && (
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          onClick={onMarkRead}
          aria-label={t('progress.notifications.markOneNamed', { title })}
        >
          {t('progress.notifications.markOne')}
        </Button>
      )}
    </li>
  );
}
