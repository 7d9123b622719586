import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';

let firstPage = true;

/**
 * A page's frame: its one <h1> and the document title "<page> - Prossimo". After a client-side
 * navigation the heading takes focus, so that screen readers announce the new page.
 */
export function Page({
  title,
  children,
  lead,
  before,
}: {
  title: string;
  lead?: ReactNode;
  /** Above the heading: a breadcrumb. */
  before?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} - ${t('service.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <div className="container py-4 py-lg-5">
      {before}
      <h1 ref={heading} tabIndex={-1} className="mb-3">
        {title}
      </h1>
      {lead ? <p className="lead readable">{lead}</p> : null}
      {children}
    </div>
  );
}
