import { useId, useRef } from 'react';
import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deliverable } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { FileUploadField } from '../../../components/file-upload-field';
import { useFormat } from '../../../lib/format';
import { useAddDeliverableFile } from '../api/add-deliverable-file';
import { deliverableFileUrl } from '../api/get-deliverable';
import { useRemoveDeliverableFile } from '../api/remove-deliverable-file';
import { TableScroll } from '../../../components/table-scroll';

/** Attached files: download for everyone; upload and delete while the deliverable can be edited. */
export function DeliverableFiles({ deliverable, onChanged }: { deliverable: Deliverable; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const add = useAddDeliverableFile(deliverable.projectId, deliverable.id);
  const remove = useRemoveDeliverableFile(deliverable.projectId, deliverable.id);
  const canChange = deliverable.editable;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId} ref={headingRef} tabIndex={-1}>
        {t('files.heading')}
      </Heading>
      {deliverable.files.length === 0 ? (
        <Paragraph>{t('files.none')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border data-size="sm">
            <caption>{t('files.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('files.columns.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('files.columns.size')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('files.columns.uploaded')}</Table.HeaderCell>
                {canChange && <Table.HeaderCell scope="col">{t('files.columns.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {deliverable.files.map((file) => (
                <Table.Row key={file.id}>
                  <Table.HeaderCell scope="row">
                    <Link href={deliverableFileUrl(deliverable.projectId, deliverable.id, file.id)} download={file.filename}>
                      {file.filename}
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell className="numeric">{format.fileSize(file.sizeBytes)}</Table.Cell>
                  <Table.Cell>{format.dateTime(file.uploadedAt)}</Table.Cell>
                  {canChange && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t('files.deleteNamed', { name: file.filename })}
                        loading={remove.isPending && remove.variables === file.id}
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate(file.id, {
                            onSuccess: () => {
                              onChanged(t('files.deleted', { name: file.filename }));
                              requestAnimationFrame(() => headingRef.current?.focus());
                            },
                          })
                        }
                      >
                        {t('files.delete')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {canChange && (
        <FileUploadField
          label={t('files.choose')}
          description={t('files.hintDeliverable')}
          purpose="deliverable"
          submitLabel={t('files.upload')}
          pending={add.isPending}
          error={add.error}
          onUpload={(file) =>
            add.mutateAsync(file).then(() => {
              onChanged(t('files.uploaded', { name: file.name }));
            })
          }
        />
      )}
    </section>
  );
}
