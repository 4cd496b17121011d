import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { surveyStatus, todayInOslo, validateAnswers, type SurveyQuestion } from '@nvr/shared';
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, FieldError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne } from '../database/sql';
import { PublicSurveyDto, SubmitSurveyResponseDto, SurveyReceivedDto } from './public-survey.dto';
import { SurveyQuestionDto } from './survey.dto';

/** The link, its survey and where it belongs, as the public form needs them (SELECT). */
interface PublicLinkRow {
  survey_id: string;
  kommune_id: string | null;
  kommune_name: string | null;
  region_name: string;
  project_status: string;
  title: string;
  intro: string;
  privacy_notice: string;
  questions: SurveyQuestion[];
  definition_version: number;
  opens_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  raw_deleted_at: Date | null;
}

const RATE_WINDOW_MS = 10 * 60 * 1000;
/** The most addresses counted at once; beyond it the least recently seen are forgotten first. */
const RATE_MAX_ADDRESSES = 50_000;

/**
 * Whom an address is counted as: an IPv4 address as itself (also when written IPv4-mapped, ::ffff:a.b.c.d),
 * an IPv6 address by its /64 network, since one connection is usually given a whole /64 and can change
 * its address within it at will.
 */
export function rateLimitKey(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1];
  if (!isIPv6(a)) return a;
  const bare = a.replace(/%.*$/, '');
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  // An IPv4 tail (::1.2.3.4) stands for two groups; only the first four groups matter here.
  const count = (g: string[]) => g.reduce((n, x) => n + (x.includes('.') ? 2 : 1), 0);
  const front = groups(head);
  const back = groups(tail);
  const full = tail === undefined ? front : [...front, ...Array<string>(8 - count(front) - count(back)).fill('0'), ...back];
  return `${full
    .slice(0, 4)
    .map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '')))
    .join(':')}::/64`;
}

/**
 * Counts answers per address for a short while, in memory only: the address is kept as a keyed hash
 * (the key is random per process), is never written to the database or the logs, and is forgotten when
 * the window has passed. IPv6 addresses count per /64 network (rateLimitKey), and at most `maxAddresses`
 * are kept: the least recently seen are dropped first, so rotating addresses cannot grow memory without end.
 */
export class AnswerRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly key = randomBytes(32);
  private sweptAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = RATE_WINDOW_MS,
    private readonly maxAddresses = RATE_MAX_ADDRESSES,
  ) {}

  /** Counts one attempt; answers the seconds to wait when the address is over the limit, else null. */
  hit(address: string, now = Date.now()): number | null {
    this.sweep(now);
    const id = createHmac('sha256', this.key).update(rateLimitKey(address)).digest('base64url');
    const recent = (this.hits.get(id) ?? []).filter((t) => t > now - this.windowMs);
    // Deleted and set again, so the map's order runs from the least to the most recently seen.
    this.hits.delete(id);
    if (recent.length >= this.limit) {
      this.hits.set(id, recent);
      return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(id, recent);
    for (const oldest of this.hits.keys()) {
      if (this.hits.size <= this.maxAddresses) break;
      this.hits.delete(oldest);
    }
    return null;
  }

  /** How many addresses are counted now. */
  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [id, times] of this.hits) if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(id);
  }
}

/**
 * The respondents' side of a survey: the form behind a link, and storing an answer. An answer is stored
 * with the link's kommune and the day only: no address, cookie, account or link, so no answer can be
 * traced back to a person or matched against access logs.
 */
@Injectable()
export class PublicSurveyService {
  private readonly limiter: AnswerRateLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new AnswerRateLimiter(config.surveyAnswerRateLimit);
  }

  async definition(token: string): Promise<PublicSurveyDto> {
    const s = await this.findOpen(this.db.manager, token);
    return {
      title: s.title,
      intro: s.intro,
      privacyNotice: s.privacy_notice,
      regionName: s.region_name,
      kommuneName: s.kommune_name,
      questions: s.questions as SurveyQuestionDto[],
      definitionVersion: s.definition_version,
      closesAt: s.closes_at ? new Date(s.closes_at).toISOString() : null,
    };
  }

  async submit(token: string, dto: SubmitSurveyResponseDto, address: string): Promise<SurveyReceivedDto> {
    const wait = this.limiter.hit(address);
    if (wait !== null) {
      throw new DomainError(
        'RATE_LIMITED',
        'Too many answers were sent from this network just now. Wait a few minutes and try again.',
        undefined,
        wait,
      ).withParams({ minutes: Math.ceil(wait / 60) });
    }
    // A filled hidden field is a robot: it is told all went well, and nothing is stored.
    if (dto.website && dto.website.trim()) return { received: true };
    return this.db.transaction(async (tx) => {
      // FOR SHARE: the leader cannot change the questions between this check and the insert.
      const s = await this.findOpen(tx, token, true);
      if (dto.definitionVersion !== s.definition_version) {
        throw new DomainError('SURVEY_CHANGED', 'The survey was changed after you opened it. Reload the page and answer again.');
      }
      const { answers, problems } = validateAnswers(s.questions, dto.answers);
      if (problems.length) {
        const errors: FieldError[] = problems.map((p) => ({ field: p.question ? `answers.${p.question}` : 'answers', messages: [p.code] }));
        throw new DomainError('SURVEY_ANSWERS_INVALID', 'Some answers are missing or not valid; check the marked questions.', errors);
      }
      await execute(
        tx,
        `INSERT INTO survey_response (survey_id, kommune_id, definition_version, answers, source, received_on) VALUES ($1, $2, $3, $4, 'web', $5)`,
        [s.survey_id, s.kommune_id, s.definition_version, JSON.stringify(answers), todayInOslo()],
      );
      return { received: true };
    });
  }

  /** The survey behind an active link, if it takes answers now: 404 unknown or disabled link, 409 not yet open, 410 closed. */
  private async findOpen(em: EntityManager, token: string, lock = false): Promise<PublicLinkRow> {
    const s = await queryOne<PublicLinkRow>(
      em,
      `SELECT s.id AS survey_id, l.kommune_id, k.name AS kommune_name, r.name AS region_name, p.status AS project_status,
              s.title, s.intro, s.privacy_notice, s.questions, s.definition_version, s.opens_at, s.closes_at, s.closed_at, s.raw_deleted_at
         FROM survey_link l
         JOIN survey s ON s.id = l.survey_id
         JOIN project p ON p.id = s.project_id
         JOIN region r ON r.id = p.region_id
         LEFT JOIN kommune k ON k.id = l.kommune_id
        WHERE l.token = $1 AND l.disabled_at IS NULL
        ${lock ? 'FOR SHARE OF s' : ''}`,
      [token],
    );
    if (!s)
      throw new DomainError(
        'SURVEY_LINK_NOT_FOUND',
        'This survey link does not exist or is no longer in use. Check the address you were given.',
      );
    const status = surveyStatus({
      opensAt: s.opens_at ? new Date(s.opens_at).toISOString() : null,
      closesAt: s.closes_at ? new Date(s.closes_at).toISOString() : null,
      closedAt: s.closed_at ? new Date(s.closed_at).toISOString() : null,
    });
    if (status === 'closed' || s.raw_deleted_at || s.project_status !== 'active') {
      throw new DomainError('SURVEY_CLOSED', 'This survey is closed and no longer takes answers. Thank you for your interest.');
    }
    if (status !== 'open') throw new DomainError('SURVEY_NOT_OPEN', 'This survey has not opened yet. Try again later.');
    return s;
  }
}
