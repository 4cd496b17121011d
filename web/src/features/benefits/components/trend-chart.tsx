import type { Indicator } from '../api/types';

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { top: 12, right: 12, bottom: 12, left: 12 };

const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * A small line chart of an indicator for the eye: the planned way from the start value to the target (dashed),
 * the target level, and the measurements. It repeats what the table and the text beside it say, so it is
 * hidden from screen readers (the table is the accessible form, WCAG 1.1.1 / 1.3.1).
 */
export function TrendChart({ indicator }: { indicator: Indicator }) {
  const points = indicator.measurements.map((m) => ({ t: time(m.measuredOn), v: m.value }));
  const start = { t: time(indicator.startDate), v: indicator.startValue };
  const target = { t: time(indicator.targetDate), v: indicator.targetValue };
  const ts = [start.t, target.t, ...points.map((p) => p.t)];
  const vs = [start.v, target.v, ...points.map((p) => p.v)];
  const [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  const [lo, hi] = [Math.min(...vs), Math.max(...vs)];
  const span = hi - lo || 1;
  const [v0, v1] = [lo - span * 0.1, hi + span * 0.1];
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0 || 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - ((v - v0) / (v1 - v0)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = [start, ...points].map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');

  return (
    <svg
      className="benefit-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
      focusable="false"
      data-testid="benefit-chart"
    >
      <line className="benefit-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
      <line className="benefit-chart__target" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target.v)} y2={y(target.v)} />
      <line className="benefit-chart__plan" x1={x(start.t)} y1={y(start.v)} x2={x(target.t)} y2={y(target.v)} />
      {points.length > 0 && <path className="benefit-chart__line" d={path} />}
      <circle className="benefit-chart__start" cx={x(start.t)} cy={y(start.v)} r={4} />
      <rect className="benefit-chart__goal" x={x(target.t) - 4} y={y(target.v) - 4} width={8} height={8} />
      {points.map((p, i) => (
        <circle key={i} className="benefit-chart__point" cx={x(p.t)} cy={y(p.v)} r={4} />
      ))}
    </svg>
  );
}
