import { applyDecorators, StreamableFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse } from '@nestjs/swagger';
import type { FileContent } from './file.service';
import { contentDisposition, MAX_FILE_BYTES } from './file-validation';

/**
 * An endpoint that takes one uploaded file in the multipart field `file` (PDF or Office, checked by
 * `checkUpload` in the service). Multer stops at twice the limit, so a slightly larger file still
 * reaches the check and gets its clear 413/422 answer.
 */
export function FileUploadEndpoint(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES * 2, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'PDF, Word (.docx), Excel (.xlsx) or PowerPoint (.pptx), on a deliverable also CSV; at most 10 MB',
          },
        },
      },
    }),
  );
}

/** An endpoint that answers a stored file as a download. */
export function FileDownloadEndpoint(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiOkResponse({ description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }),
  );
}

/** A stored file as the answer: its type, a safe Content-Disposition with the file name, and its length. */
export function fileResponse(file: FileContent): StreamableFile {
  return new StreamableFile(file.data, {
    type: file.contentType,
    disposition: contentDisposition(file.filename),
    length: file.data.length,
  });
}
