import { BENEFIT_TRENDS, type BenefitTrend, type Lang } from '@nvr/shared';
import type { Block, DocModel } from '../documents/document-model';
import { renderDocx } from '../documents/render-docx';
import { renderPdf } from '../documents/render-pdf';
import type { FileContent } from '../files/file.service';
import type { BenefitRegisterDto } from './benefit.dto';
import { fileStem } from './benefit-export';
import { benefitWord, formatDate, formatShare, formatValue, trendWord, type BenefitWord } from './benefit-words';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The benefits report (gevinstrapport) of a project: a summary of the trends, then each benefit with its
 * area, owner and indicators (start, target, latest measurement, share of the way, status) and the
 * measurements of each indicator. For the regionråd's yearly follow-up and the final report.
 */
export function buildBenefitReport(register: BenefitRegisterDto, regionName: string, lang: Lang, today: string): DocModel {
  const w = (k: BenefitWord, params: Record<string, string | number> = {}) => benefitWord(k, lang, params);
  const counts = Object.fromEntries(BENEFIT_TRENDS.map((t) => [t, 0])) as Record<BenefitTrend, number>;
  for (const b of register.benefits) counts[b.trend] += 1;
  const status = register.projectStatus === 'completed' || register.projectStatus === 'stopped' ? register.projectStatus : 'active';

  const blocks: Block[] = [{ type: 'heading', text: w('summary') }];
  if (!register.benefits.length) blocks.push({ type: 'paragraph', text: w('noBenefits') });
  else {
    blocks.push({
      type: 'paragraph',
      text: w('summaryText', {
        n: register.benefits.length,
        reached: counts.reached,
        onTrack: counts.on_track,
        behind: counts.behind,
        none: counts.no_measurement,
      }),
    });
    blocks.push({ type: 'paragraph', text: w('method'), italic: true });
  }

  for (const b of register.benefits) {
    blocks.push({ type: 'heading', text: `G${b.number} ${b.title}` });
    if (b.description) blocks.push({ type: 'paragraph', text: b.description });
    blocks.push({
      type: 'table',
      noHead: true,
      head: ['', ''],
      widths: [1, 3],
      rows: [
        [w('area'), b.benefitArea ?? w('noArea')],
        [w('owner'), b.owner?.name ?? w('noOwner')],
        [w('trend'), trendWord(b.trend, lang)],
        ...(b.handedOverAt ? [[w('closed'), w('handedOver', { date: formatDate(b.handedOverAt, lang) })]] : []),
      ],
    });
    if (!b.indicators.length) {
      blocks.push({ type: 'paragraph', text: w('noIndicators'), italic: true });
      continue;
    }
    blocks.push({
      type: 'table',
      head: [w('indicator'), w('start'), w('target'), w('latestDate'), w('share'), w('trend')],
      widths: [3, 2, 2, 2, 1.5, 1.5],
      alignRight: [4],
      rows: b.indicators.map((i) => [
        `${i.name} (${i.unit})${i.closed ? ` – ${w('closed').toLowerCase()}` : ''}`,
        `${formatValue(i.startValue, lang)} (${formatDate(i.startDate, lang)})`,
        `${formatValue(i.targetValue, lang)} (${formatDate(i.targetDate, lang)})`,
        i.latest ? `${formatValue(i.latest.value, lang)} (${formatDate(i.latest.date, lang)})` : '–',
        formatShare(i.share, lang),
        trendWord(i.trend, lang),
      ]),
    });
    for (const i of b.indicators) {
      blocks.push({ type: 'subheading', text: `${i.name} (${i.unit})` });
      if (!i.measurements.length) blocks.push({ type: 'paragraph', text: w('noMeasurements'), italic: true });
      else
        blocks.push({
          type: 'table',
          head: [w('date'), w('value'), w('comment'), w('recordedBy')],
          widths: [1.2, 1, 4, 2],
          alignRight: [1],
          rows: i.measurements.map((m) => [
            formatDate(m.measuredOn, lang),
            formatValue(m.value, lang),
            m.comment,
            m.recordedBy?.name ?? '',
          ]),
        });
    }
  }

  return {
    kind: w('reportKind'),
    title: w('reportTitle', { project: register.projectName }),
    meta: [
      [w('region'), regionName],
      [w('projectStatus'), w(status)],
    ],
    blocks,
    footer: w('footer', { date: formatDate(today, lang) }),
  };
}

export async function renderBenefitReport(
  register: BenefitRegisterDto,
  regionName: string,
  format: 'pdf' | 'docx',
  lang: Lang,
  today: string,
): Promise<FileContent> {
  const model = buildBenefitReport(register, regionName, lang, today);
  const name = `${fileStem(benefitWord('reportKind', lang))}-${fileStem(register.projectName)}-${today}`;
  if (format === 'docx') return { data: await renderDocx(model), contentType: DOCX, filename: `${name}.docx` };
  return { data: await renderPdf(model), contentType: 'application/pdf', filename: `${name}.pdf` };
}
