import { Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { CONVERSATION_KINDS, NEED_CATEGORIES, todayInOslo, type ConversationKind, type NeedCategory } from '@nvr/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateConversation, useUpdateConversation } from '../api/save-conversation';
import type { Conversation, CreateConversationBody, Guide, ProjectContext } from '../api/types';

/** Notes are written under this key when no guide is chosen (the server's FREE_NOTES_KEY). */
const FREE_NOTES_KEY = 'notes';

interface ConversationFormValues {
  kind: ConversationKind;
  title: string;
  heldOn: string;
  kommuneId: string;
  participantCount: string;
  namesConsent: boolean;
  participantNames: string;
  guideKey: string;
  notes: Record<string, string>;
  needs: NeedCategory[];
}

const GUIDE_OF_KIND: Record<ConversationKind, string> = {
  interview: 'interview_guide',
  meeting: 'meeting_guide',
  workshop: 'workshop_guide',
};

function valuesOf(c: Conversation | null, guides: Guide[]): ConversationFormValues {
  if (!c) {
    return {
      kind: 'interview',
      title: '',
      heldOn: todayInOslo(),
      kommuneId: '',
      participantCount: '1',
      namesConsent: false,
      participantNames: '',
      guideKey: guides.some((g) => g.key === GUIDE_OF_KIND.interview) ? GUIDE_OF_KIND.interview : '',
      notes: {},
      needs: [],
    };
  }
  return {
    kind: c.kind,
    title: c.title,
    heldOn: c.heldOn,
    kommuneId: c.kommuneId ?? '',
    participantCount: String(c.participantCount),
    namesConsent: c.namesConsent,
    participantNames: c.participantNames ?? '',
    guideKey: c.guideKey ?? '',
    notes: { ...c.notes },
    needs: [...c.needs],
  };
}

/**
 * Records a new interview, meeting or workshop, or edits one: kind, title, date, kommune, participants (names
 * only with consent), the guide and notes under each of its sections, and the needs that came up.
 */
export function ConversationDialog({
  projectId,
  open,
  onClose,
  conversation,
  guides,
  context,
  onSaved,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  /** The conversation to edit; null records a new one. */
  conversation: Conversation | null;
  guides: Guide[];
  context: ProjectContext;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateConversation(projectId);
  const update = useUpdateConversation(projectId);
  const form = useApiForm<ConversationFormValues>({
    defaultValues: valuesOf(conversation, guides),
    codeFields: { NAMES_WITHOUT_CONSENT: 'participantNames', KOMMUNE_NOT_IN_PROJECT: 'kommuneId', GUIDE_NOT_FOUND: 'guideKey' },
  });
  const { register, watch, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    if (open) reset(valuesOf(conversation, guides));
  }, [open, conversation, guides, reset]);

  const guideKey = watch('guideKey');
  const consent = watch('namesConsent');
  const guide = guides.find((g) => g.key === guideKey) ?? null;
  const sections = guide ? guide.sections : [{ key: FREE_NOTES_KEY, title: t('needs.conversations.fields.notes'), guidance: '' }];

  const submit = form.handleSubmit(async (values) => {
    const notes = Object.fromEntries(
      sections.map((s) => [s.key, (values.notes[s.key] ?? '').trim()] as const).filter(([, text]) => text !== ''),
    );
    const names = values.participantNames.trim();
    const body: CreateConversationBody = {
      kind: values.kind,
      title: values.title.trim(),
      heldOn: values.heldOn,
      kommuneId: values.kommuneId || null,
      participantCount: Number(values.participantCount),
      namesConsent: values.namesConsent,
      participantNames: values.namesConsent && names ? names : null,
      guideKey: values.guideKey || null,
      notes,
      needs: values.needs,
    };
    try {
      if (conversation) {
        await update.mutateAsync({ id: conversation.id, body: { ...body, version: conversation.version } });
        onSaved(t('needs.conversations.saved', { title: body.title }));
      } else {
        await create.mutateAsync(body);
        onSaved(t('needs.conversations.recorded', { title: body.title }));
      }
      onClose();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={conversation ? t('needs.conversations.editTitle') : t('needs.conversations.recordTitle')}
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Field>
        <Label>{t('needs.conversations.fields.kind')}</Label>
        <Select {...register('kind')}>
          {CONVERSATION_KINDS.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`needs.conversations.kinds.${k}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        label={t('needs.conversations.fields.title')}
        description={t('needs.conversations.fields.titleHint')}
        required
        maxLength={200}
        autoComplete="off"
        {...register('title', { validate: (v) => v.trim() !== '' || t('needs.conversations.fields.titleRequired') })}
        error={errors.title?.message}
      />
      <Textfield
        type="date"
        label={t('needs.conversations.fields.heldOn')}
        required
        {...register('heldOn', { required: t('needs.conversations.fields.heldOnRequired') })}
        error={errors.heldOn?.message}
      />
      <Field>
        <Label>{t('needs.conversations.fields.kommune')}</Label>
        <Select {...register('kommuneId')} aria-invalid={errors.kommuneId ? true : undefined}>
          <Select.Option value="">{t('needs.conversations.fields.noKommune')}</Select.Option>
          {context.kommuner.map((k) => (
            <Select.Option key={k.id} value={k.id}>
              {k.name}
            </Select.Option>
          ))}
        </Select>
        {errors.kommuneId?.message && <ValidationMessage>{errors.kommuneId.message}</ValidationMessage>}
      </Field>
      <Textfield
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        label={t('needs.conversations.fields.participantCount')}
        required
        {...register('participantCount', {
          validate: (v) =>
            (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10000) || t('needs.conversations.fields.participantCountInvalid'),
        })}
        error={errors.participantCount?.message}
      />
      <Checkbox label={t('needs.conversations.fields.namesConsent')} {...register('namesConsent')} />
      {consent && (
        <Textfield
          multiline
          rows={2}
          maxLength={4000}
          label={t('needs.conversations.fields.participantNames')}
          description={t('needs.conversations.fields.participantNamesHint')}
          {...register('participantNames')}
          error={errors.participantNames?.message}
        />
      )}
      <Field>
        <Label>{t('needs.conversations.fields.guide')}</Label>
        <Select {...register('guideKey')} aria-invalid={errors.guideKey ? true : undefined}>
          <Select.Option value="">{t('needs.conversations.fields.noGuide')}</Select.Option>
          {guides.map((g) => (
            <Select.Option key={g.key} value={g.key}>
              {g.title}
            </Select.Option>
          ))}
        </Select>
        {errors.guideKey?.message && <ValidationMessage>{errors.guideKey.message}</ValidationMessage>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('needs.conversations.fields.notes')}</Fieldset.Legend>
        {sections.map((s) => (
          <Textfield
            key={`${guideKey}:${s.key}`}
            multiline
            rows={3}
            maxLength={20000}
            label={guide ? t('needs.conversations.fields.notesFor', { section: s.title }) : s.title}
            description={s.guidance || undefined}
            {...register(`notes.${s.key}`)}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('needs.conversations.fields.needs')}</Fieldset.Legend>
        <Fieldset.Description>{t('needs.conversations.fields.needsHint')}</Fieldset.Description>
        {NEED_CATEGORIES.map((n) => (
          <Checkbox key={n} value={n} label={t(`needs.categories.${n}`)} {...register('needs')} />
        ))}
      </Fieldset>
    </FormDialog>
  );
}
