import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The box around a wide table: on a narrow screen the table scrolls sideways inside it (never the page,
 * WCAG 1.4.10) with its first column held in place. Only while it actually overflows is the box a named
 * region that takes keyboard focus, so the arrow keys can scroll it (WCAG 2.1.1); its name is the table's
 * caption, or `label`.
 */
export function TableScroll({ children, className, label }: { children: ReactNode; className?: string; label?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState<{ name: string } | null>(null);

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const overflows = box.scrollWidth > box.clientWidth + 1;
      const name = label ?? box.querySelector('caption')?.textContent?.trim() ?? '';
      setScrollable((current) => (overflows ? (current?.name === name ? current : { name }) : null));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [label]);

  return (
    <div
      ref={ref}
      className={['table-scroll', 'ds-focus', className].filter(Boolean).join(' ')}
      {...(scrollable && { tabIndex: 0, role: 'region', 'aria-label': scrollable.name || t('common.wideTable') })}
    >
      {children}
    </div>
  );
}
