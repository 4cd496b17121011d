import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { isPhaseKey, LESSON_CATEGORIES, type LessonCategory } from '@nvr/shared';
import type { QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getLessonsQueryOptions } from '../../features/closing/api/get-lessons';
import type { LessonsFilter } from '../../features/closing/api/types';
import { learnsAcrossRegions } from '../../features/closing/components/lessons-nav-item';
import { LessonsPage } from '../../features/closing/components/lessons-page';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** The filter in the address: ?region=<id>&fase=forprosjekt&kategori=anchoring&sok=forankring */
function readParams(params: URLSearchParams): LessonsFilter {
  const region = params.get('region') ?? '';
  const phase = params.get('fase') ?? '';
  const category = params.get('kategori') ?? '';
  const q = params.get('sok')?.trim() ?? '';
  return {
    ...(isUuid(region) ? { regionId: region } : {}),
    ...(isPhaseKey(phase) ? { phase } : {}),
    ...((LESSON_CATEGORIES as readonly string[]).includes(category) ? { category: category as LessonCategory } : {}),
    ...(q ? { q: q.slice(0, 200) } : {}),
  };
}

function writeParams(filter: LessonsFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.regionId) out.region = filter.regionId;
  if (filter.phase) out.fase = filter.phase;
  if (filter.category) out.kategori = filter.category;
  if (filter.q) out.sok = filter.q;
  return out;
}

/** Advisers and administrators; anyone else is told they have no access. */
export const lessonsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const me = await requireMe(queryClient, request);
    if (!learnsAcrossRegions(me.roles)) throw new Response('Forbidden', { status: 403 });
    void queryClient.prefetchQuery(getLessonsQueryOptions(readParams(new URL(request.url).searchParams)));
    return null;
  };

/** /laering — lessons and success-factor scores across the regions the adviser follows. */
export function LessonsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('closing.lessonsPage.title'));
  const [params, setParams] = useSearchParams();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('closing.lessonsPage.title')}
      </Heading>
      <Paragraph>{t('closing.lessonsPage.intro')}</Paragraph>
      <LessonsPage filter={readParams(params)} onFilter={(next) => setParams(writeParams(next), { replace: true })} />
    </div>
  );
}
