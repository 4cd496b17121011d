// Named types for status reports, the portfolio, comments and notifications, derived from the
// generated `paths` (like ./types.ts) so they follow the server's OpenAPI document.
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type StatusReportSummary = JsonOf<paths['/api/projects/{id}/status-reports']['get']['responses'][200]>[number];
export type StatusReport = JsonOf<paths['/api/projects/{id}/status-reports/{reportId}']['get']['responses'][200]>;
export type ReportColours = StatusReportSummary['colours'];
export type CreateStatusReportBody = JsonOf<NonNullable<paths['/api/projects/{id}/status-reports']['post']['requestBody']>>;
export type UpdateStatusReportBody = JsonOf<NonNullable<paths['/api/projects/{id}/status-reports/{reportId}']['patch']['requestBody']>>;

export type Portfolio = JsonOf<paths['/api/portfolio']['get']['responses'][200]>;
export type PortfolioRow = Portfolio['rows'][number];
export type PortfolioQuery = NonNullable<paths['/api/portfolio']['get']['parameters']['query']>;
export type PortfolioFilters = Pick<PortfolioQuery, 'county' | 'regionId' | 'phase' | 'status'>;
export type Timeline = JsonOf<paths['/api/portfolio/timeline']['get']['responses'][200]>;
export type TimelineProject = Timeline['projects'][number];
export type TimelinePhase = TimelineProject['phases'][number];

export type Comment = JsonOf<paths['/api/projects/{id}/comments']['get']['responses'][200]>[number];
export type CommentTargetType = Comment['targetType'];
export type CreateCommentBody = JsonOf<NonNullable<paths['/api/projects/{id}/comments']['post']['requestBody']>>;
export type MentionablePerson = JsonOf<paths['/api/projects/{id}/mentionable-people']['get']['responses'][200]>[number];

export type NotificationList = JsonOf<paths['/api/notifications']['get']['responses'][200]>;
export type AppNotification = NotificationList['items'][number];
