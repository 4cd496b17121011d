import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> – Næringsvennlig region" (translated) while the page is shown. */
export function useDocumentTitle(page: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.titleTemplate', { page }) : t('app.name');
  }, [page, t]);
}
