import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { looseMentions, mentionQueryAt } from '@nvr/shared';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MentionablePerson } from '../../../api/progress-types';
import { useMentionablePeople } from '../api/get-mentionable-people';

/**
 * A comment's text field with a people picker for @mentions: typing "@" and a letter opens a list of the
 * people who may read the project whose name or address starts so. The WAI-ARIA APG combobox with a
 * listbox popup and manual selection: focus stays in the text, arrow keys move through the list
 * (aria-activedescendant), Enter or Tab chooses, Escape closes; choosing writes `@e-mail `. Words after "@"
 * that are no address ("@Pia") notify nobody, and a hint below says so.
 */
export function MentionField({
  projectId,
  label,
  description,
  error,
  field,
  value,
  onValue,
}: {
  projectId: string;
  label: string;
  description?: string;
  error?: string;
  /** The text's registration in its react-hook-form form. */
  field: UseFormRegisterReturn;
  /** The text as it stands (the form's watched value). */
  value: string;
  /** Sets the text (after a choice). */
  onValue: (value: string) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [focused, setFocused] = useState(false);
  /** Where the "@" of a list closed with Escape stands: it stays closed until another mention is started. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState<{ query: string; index: number } | null>(null);

  const typing = focused ? mentionQueryAt(value, caret) : null;
  const open = typing !== null && typing.start !== dismissedAt;
  const people = useMentionablePeople(projectId, open ? typing.query : null);
  const options = open ? (people.data ?? []) : [];
  const expanded = options.length > 0;
  const index = active && typing && active.query === typing.query && active.index < options.length ? active.index : -1;
  const optionId = (i: number) => `${listId}-option-${i}`;
  const loose = looseMentions(value, typing?.start);

  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);

  function choose(person: MentionablePerson) {
    if (!typing) return;
    const before = value.slice(0, typing.start);
    const inserted = `@${person.email} `;
    const next = before + inserted + value.slice(caret).replace(/^ /, '');
    const position = before.length + inserted.length;
    onValue(next);
    setCaret(position);
    setActive(null);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!expanded || !typing) return;
    const move = (to: number) => {
      e.preventDefault();
      setActive({ query: typing.query, index: to });
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1 >= options.length ? 0 : index + 1);
      case 'ArrowUp':
        return move(index <= 0 ? options.length - 1 : index - 1);
      case 'Enter':
      case 'Tab':
        if (index >= 0) {
          e.preventDefault();
          choose(options[index]);
        }
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        setDismissedAt(typing.start);
        return;
    }
  }

  const status = !open
    ? ''
    : expanded
      ? t('progress.comments.mentionMatches', { count: options.length })
      : people.isFetching
        ? t('progress.comments.mentionSearching')
        : t('progress.comments.mentionNone', { query: typing.query });

  return (
    <div className="mention-field">
      <Textfield
        multiline
        rows={3}
        label={label}
        description={description}
        error={error}
        {...field}
        ref={(el: HTMLTextAreaElement | null) => {
          field.ref(el);
          textarea.current = el;
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={index >= 0 ? optionId(index) : undefined}
        onChange={(e) => {
          void field.onChange(e);
          track(e.currentTarget);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          setFocused(false);
          void field.onBlur(e);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('progress.comments.mentionList')} className="mention-picker" hidden={!expanded}>
        {options.map((person, i) => (
          <li
            key={person.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            className="mention-picker__option"
            // Keep the focus in the text while a person is chosen with the mouse.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(person)}
          >
            <span className="mention-picker__name">{person.name}</span>{' '}
            <span className="mention-picker__detail">
              {person.email} · {person.roles.map((r) => t(`roles.names.${r}`)).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className={expanded || !status ? 'visually-hidden' : 'mention-field__status'}>
        {status}
      </p>
      <div role="status">
        {loose.length > 0 && (
          <Paragraph data-size="sm" className="mention-field__hint">
            {t('progress.comments.looseMentions', { handles: loose.join(', ') })}
          </Paragraph>
        )}
      </div>
    </div>
  );
}
