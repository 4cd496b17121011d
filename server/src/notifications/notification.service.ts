import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  MAIL_SIGNATURE,
  renderNotification,
  renderNotificationMail,
  RoleAssignment,
  type Lang,
  type NotificationMessage,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import { MailService } from './mail.service';
import type { NotificationKind } from '@nvr/shared';
import { NotificationDto, NotificationListDto, ReadAllDto, UnreadCountDto } from './notification.dto';

/**
 * A notification with a fixed text and no facts to render it from: everyone gets this title and body,
 * in the app and by e-mail, whatever their language. For messages outside the catalogue.
 */
export interface FixedTextNotification {
  kind: NotificationKind;
  params?: undefined;
  title: string;
  body: string;
}

/**
 * A notification to create: a kind with its typed params (the facts the texts are rendered from), and
 * where it points. (kind, targetId, recipientId, period) is its once-only key.
 */
export type NewNotification = (NotificationMessage | FixedTextNotification) & {
  recipientId: string;
  projectId: string | null;
  targetType: string;
  targetId: string;
  /** Empty for one-off notifications such as mentions. */
  period?: string;
  link: string | null;
  actorId?: string | null;
  /**
   * The in-app title and body kept with the notification (the web renders its own from kind and params);
   * rendered in bokmål from the catalogue when left out. The e-mail is always rendered in the recipient's language.
   */
  title?: string;
  body?: string;
};

/** The same, without some fields: Omit for each kind of the union. */
export type NewNotificationWithout<F extends keyof NewNotification> = NewNotification extends infer N
  ? N extends NewNotification
    ? Omit<N, F>
    : never
  : never;

/** What an e-mail is written with: the recipient's language, and the actor's name for a mention. */
export interface PersonRow {
  id: string;
  name: string;
  language: Lang;
}

/** What decides whether a notification may still be shown: its project and that project's region. */
interface NotificationProjectRow {
  project_id: string | null;
  region_id: string | null;
}

interface NotificationRow extends NotificationProjectRow {
  id: string;
  kind: NotificationKind;
  project_name: string | null;
  target_type: string;
  target_id: string;
  period: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, unknown>;
  actor_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** In-app notifications, each mirrored by an e-mail in the outbox. */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
  ) {}

  /**
   * Creates notifications and their e-mails in the caller's transaction, in one statement. Each e-mail is
   * written in its recipient's language (shared/src/notification-texts.ts); the in-app link stays an app
   * path (`/prosjekter/…`), while the e-mail carries it as an absolute address under PUBLIC_BASE_URL, so
   * it opens from any mail program. A notification whose key exists already is skipped (and sends no
   * e-mail), so running the same reminder twice, even at the same time from two instances, notifies
   * once. Returns how many were created. `known`, when the caller has read them already, are the
   * recipients and actors (their names and languages as in app_user), and saves reading them again.
   */
  async notify(tx: EntityManager, items: readonly NewNotification[], known?: readonly PersonRow[]): Promise<number> {
    const unique = new Map<string, NewNotification>();
    for (const n of items) unique.set([n.kind, n.targetId, n.recipientId, n.period ?? ''].join('|'), n);
    // Same order in every transaction, so two concurrent scans wait for each other instead of deadlocking.
    const list = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, n]) => n);
    if (!list.length) return 0;
    const personIds = [...new Set(list.flatMap((n) => [n.recipientId, n.actorId ?? null]).filter((id): id is string => !!id))];
    const people = new Map(
      (known ?? (await queryRows<PersonRow>(tx, `SELECT id, name, language FROM app_user WHERE id = ANY($1::uuid[])`, [personIds]))).map(
        (p) => [p.id, p],
      ),
    );
    const texts = list.map((n) => {
      const language = people.get(n.recipientId)?.language ?? 'nb';
      const context = {
        actorName: n.actorId ? (people.get(n.actorId)?.name ?? null) : null,
        link: n.link,
        baseUrl: this.mail.publicBaseUrl,
      };
      if (n.params === undefined) {
        const mail = mailWithFixedText(n.title, n.body, language, context);
        return { title: n.title, body: n.body, subject: mail.subject, mailBody: mail.body };
      }
      const inApp = renderNotification(n, 'nb', context);
      const mail = renderNotificationMail(n, language, context);
      return { title: n.title ?? inApp.subject, body: n.body ?? inApp.body, subject: mail.subject, mailBody: mail.body };
    });
    const row = await queryOne<{ created: number; mail_ids: string[] }>(
      tx,
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::uuid[], $13::text[], $14::text[])
           WITH ORDINALITY AS t(recipient_id, kind, project_id, target_type, target_id, period, title, body, link, params, actor_id, subject, mail_body, ord)
       ), created AS (
         INSERT INTO notification (recipient_id, kind, project_id, target_type, target_id, period, title, body, link, params, actor_id)
         SELECT recipient_id, kind, project_id, target_type, target_id, period, title, body, link, params, actor_id FROM input ORDER BY ord
         ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
         RETURNING id, recipient_id, kind, target_id, period
       ), mail AS (
         INSERT INTO outbox (notification_id, recipient_id, to_address, subject, body_text, state)
         SELECT c.id, c.recipient_id, u.email, i.subject, i.mail_body, $12
           FROM created c
           JOIN input i ON i.recipient_id = c.recipient_id AND i.kind = c.kind AND i.target_id = c.target_id AND i.period = c.period
           JOIN app_user u ON u.id = c.recipient_id AND u.active
         RETURNING id::text
       )
       SELECT (SELECT count(*)::int FROM created) AS created, (SELECT coalesce(array_agg(id), '{}') FROM mail) AS mail_ids`,
      [
        list.map((n) => n.recipientId),
        list.map((n) => n.kind),
        list.map((n) => n.projectId),
        list.map((n) => n.targetType),
        list.map((n) => n.targetId),
        list.map((n) => n.period ?? ''),
        texts.map((t) => t.title),
        texts.map((t) => t.body),
        list.map((n) => n.link),
        list.map((n) => JSON.stringify(n.params ?? {})),
        list.map((n) => n.actorId ?? null),
        this.mail.initialState,
        texts.map((t) => t.subject),
        texts.map((t) => t.mailBody),
      ],
    );
    if (!row) return 0;
    await this.mail.scheduleDelivery(tx, row.mail_ids);
    return row.created;
  }

  async list(user: Principal, options: { unreadOnly?: boolean; limit?: number }): Promise<NotificationListDto> {
    const rows = await queryRows<NotificationRow>(
      this.db,
      `${SELECT_NOTIFICATIONS} WHERE n.recipient_id = $1 AND ($2::boolean IS NOT TRUE OR n.read_at IS NULL) ORDER BY n.created_at DESC, n.id LIMIT $3`,
      [user.userId, options.unreadOnly ?? false, options.limit ?? 50],
    );
    const { unreadCount } = await this.unreadCount(user);
    return { items: rows.filter((r) => mayRead(user.roles, r)).map(toDto), unreadCount };
  }

  /** Unread notifications about projects the person may still read. */
  async unreadCount(user: Principal): Promise<UnreadCountDto> {
    const rows = await queryRows<NotificationProjectRow>(
      this.db,
      `SELECT n.project_id, p.region_id FROM notification n LEFT JOIN project p ON p.id = n.project_id WHERE n.recipient_id = $1 AND n.read_at IS NULL`,
      [user.userId],
    );
    return { unreadCount: rows.filter((r) => mayRead(user.roles, r)).length };
  }

  async markRead(user: Principal, id: string): Promise<NotificationDto> {
    // Check first, change after: a notification the person may no longer read is refused untouched.
    const row = await queryOne<NotificationRow>(this.db, `${SELECT_NOTIFICATIONS} WHERE n.id = $1 AND n.recipient_id = $2`, [
      id,
      user.userId,
    ]);
    if (!row || !mayRead(user.roles, row)) throw new DomainError('NOTIFICATION_NOT_FOUND', `You have no notification with id ${id}.`);
    const marked = await queryOne<{ read_at: Date }>(
      this.db,
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING read_at`,
      [id, user.userId],
    );
    return toDto({ ...row, read_at: marked?.read_at ?? row.read_at });
  }

  /**
   * Marks read the unread notifications the person may still see (the rule of list()); those about a
   * project they can no longer read stay untouched and uncounted, so the answer reveals nothing of them.
   */
  async markAllRead(user: Principal): Promise<ReadAllDto> {
    const unread = await queryRows<NotificationProjectRow & { id: string }>(
      this.db,
      `SELECT n.id, n.project_id, p.region_id FROM notification n LEFT JOIN project p ON p.id = n.project_id WHERE n.recipient_id = $1 AND n.read_at IS NULL`,
      [user.userId],
    );
    const ids = unread.filter((r) => mayRead(user.roles, r)).map((r) => r.id);
    const marked = ids.length
      ? await execute(
          this.db,
          `UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
          [user.userId, ids],
        )
      : 0;
    return { marked, unreadCount: 0 };
  }
}

/** The e-mail of a fixed-text notification: its text, the absolute link and the signature. */
function mailWithFixedText(
  title: string,
  body: string,
  language: Lang,
  context: { link: string | null; baseUrl: string },
): { subject: string; body: string } {
  const link = context.link ? `\n\n${context.baseUrl}${context.link}` : '';
  return { subject: title, body: `${body}${link}\n\n${MAIL_SIGNATURE[language]}` };
}

const SELECT_NOTIFICATIONS = `
  SELECT n.id, n.kind, n.project_id, p.name AS project_name, p.region_id, n.target_type, n.target_id, n.period, n.title, n.body, n.link, n.params,
         a.name AS actor_name, n.created_at, n.read_at
    FROM notification n LEFT JOIN project p ON p.id = n.project_id LEFT JOIN app_user a ON a.id = n.actor_id`;

/** A notification about a project shows only while the person may read that project (roles change). */
function mayRead(roles: readonly RoleAssignment[], r: NotificationProjectRow): boolean {
  return !r.project_id || (r.region_id !== null && canOnProject(roles, { id: r.project_id, regionId: r.region_id }, 'read'));
}

function toDto(r: NotificationRow): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    projectId: r.project_id,
    projectName: r.project_name,
    targetType: r.target_type,
    targetId: r.target_id,
    period: r.period,
    title: r.title,
    body: r.body,
    link: r.link,
    params: r.params,
    actorName: r.actor_name,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}
