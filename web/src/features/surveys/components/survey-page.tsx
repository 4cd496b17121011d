import { useState } from 'react';
import { Alert, Button, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { surveyText, type Lang } from '@nvr/shared';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { StatusMessage } from '../../../components/status-message';
import { errorMessage } from '../../../lib/error-message';
import { useFormat } from '../../../lib/format';
import { useDeleteSurvey } from '../api/delete-survey';
import { getSurveyQueryOptions } from '../api/get-survey';
import { NewSurveyDialog } from './new-survey-dialog';
import { SurveyEditor } from './survey-editor';
import { SurveyLinks } from './survey-links';
import { SurveyOpening } from './survey-opening';
import { SurveyStatusTag } from './survey-status-tag';
import './surveys.css';

/** A survey's page: status and opening, the editor (texts, settings, questions), its public links and the way to its results. */
export function SurveyPage({
  projectId,
  surveyId,
  mayEdit,
  kommuner,
}: {
  projectId: string;
  surveyId: string;
  mayEdit: boolean;
  kommuner: readonly { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nb') as Lang;
  const format = useFormat();
  // Counts choose the plural by the number and show it formatted for the language (1 234, 1,234).
  const counted = (count: number) => ({ count, replace: { count: format.number(count) } });
  const navigate = useNavigate();
  const { data: survey } = useSuspenseQuery(getSurveyQueryOptions(projectId, surveyId));
  const state = useLocation().state as { message?: string } | null;
  const [message, setMessage] = useState<string | null>(state?.message ?? null);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteSurvey(projectId, surveyId, {
    onSuccess: () =>
      void navigate(`/prosjekter/${projectId}/kartlegging`, { state: { message: t('surveys.page.deleted', { title: survey.title }) } }),
  });

  return (
    <>
      <div className="survey-page__title">
        <Heading level={1} data-size="lg">
          {survey.title}
        </Heading>
        <SurveyStatusTag status={survey.status} />
      </div>
      <StatusMessage message={message} />
      <SurveyOpening projectId={projectId} survey={survey} mayEdit={mayEdit} />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${projectId}/kartlegging/undersokelser/${survey.id}/resultater`}>
            {t('surveys.page.results', counted(survey.responseCount))}
          </RouterLink>
        </Link>
      </Paragraph>
      {survey.locked && mayEdit && (
        <Alert data-color="info" className="survey-page__locked">
          <Paragraph>{t('surveys.page.lockedWhy', counted(survey.responseCount))}</Paragraph>
          <NewSurveyDialog projectId={projectId} surveys={[survey]} copyOf={survey.id} label={t('surveys.page.copy')} />
        </Alert>
      )}
      {mayEdit ? (
        <>
          <SurveyEditor projectId={projectId} survey={survey} onSaved={setMessage} />
          <SurveyLinks projectId={projectId} survey={survey} kommuner={kommuner} />
          {!survey.locked && (
            <div className="section">
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => setDeleting(true)}>
                {t('surveys.page.delete')}
              </Button>
              <FormDialog
                open={deleting}
                onClose={() => setDeleting(false)}
                title={t('surveys.page.deleteTitle', { title: survey.title })}
                onConfirm={() => remove.mutate()}
                pending={remove.isPending}
                submitLabel={t('surveys.page.deleteConfirm')}
                submitColor="danger"
                formError={remove.error ? errorMessage(remove.error, t) : undefined}
              >
                <Paragraph>{t('surveys.page.deleteBody')}</Paragraph>
              </FormDialog>
            </div>
          )}
        </>
      ) : (
        <>
          <Paragraph>{t('surveys.page.readOnly')}</Paragraph>
          <Heading level={2} data-size="md">
            {t('surveys.editor.questionsHeading', counted(survey.questions.length))}
          </Heading>
          <List.Ordered>
            {survey.questions.map((q) => (
              <List.Item key={q.key}>
                {surveyText(q.text, lang)} <span className="cell-note">({t(`surveys.kinds.${q.kind}`)})</span>
              </List.Item>
            ))}
          </List.Ordered>
        </>
      )}
    </>
  );
}
