import { Fieldset, Radio, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { STATUS_COLOURS, type ReportAspect, type StatusColour } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { ReportColours } from '../../../api/progress-types';

const TAG_COLOURS: Record<StatusColour, string> = { green: 'success', yellow: 'warning', red: 'danger' };

/** A status colour with its name in words (never colour alone): "Gul", or "Økonomi: gul" with the aspect. */
export function StatusColourTag({ colour, aspect }: { colour: StatusColour | null; aspect?: ReportAspect }) {
  const { t } = useTranslation();
  const name = colour ? t(`progress.colours.${colour}`) : t('progress.colours.none');
  return (
    <Tag data-size="sm" data-color={colour ? TAG_COLOURS[colour] : 'neutral'} className={`status-tag status-tag--${colour ?? 'none'}`}>
      <span className="status-tag__mark" aria-hidden="true" />
      {aspect ? t('progress.colours.withAspect', { aspect: t(`progress.aspects.${aspect}`), colour: name }) : name}
    </Tag>
  );
}

/** The four colours of a report (overall, progress, economy, risk), each with its aspect and name. */
export function ReportColoursList({ colours }: { colours: ReportColours }) {
  return (
    <ul className="status-colours">
      {(['overall', 'progress', 'economy', 'risk'] as const).map((aspect) => (
        <li key={aspect}>
          <StatusColourTag colour={colours[aspect]} aspect={aspect} />
        </li>
      ))}
    </ul>
  );
}

/** Green, yellow or red as radio buttons with words and a colour mark, in a fieldset named by the aspect. */
export function ColourChoice({
  name,
  legend,
  value,
  onChange,
  error,
  id,
}: {
  name: string;
  legend: string;
  value: StatusColour | null;
  onChange: (colour: StatusColour) => void;
  error?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} className="colour-choice">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="colour-choice__options">
        {STATUS_COLOURS.map((colour) => (
          <Radio
            key={colour}
            name={name}
            value={colour}
            checked={value === colour}
            onChange={() => onChange(colour)}
            label={
              <span className="colour-choice__label">
                <span className={`status-swatch status-swatch--${colour}`} aria-hidden="true" />
                {t(`progress.colours.${colour}`)}
              </span>
            }
            description={t(`progress.colourMeaning.${colour}`)}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
