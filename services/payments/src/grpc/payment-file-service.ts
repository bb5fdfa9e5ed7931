/** PaymentFileService: payment files of approved and closed payrolls, and the signing key. */
import { principalOf } from '@posa/auth';
import { service, type CallContext, type ServiceRegistration } from '@posa/platform';
import {
  PaymentFileServiceService,
  type DownloadPaymentFileRequest,
  type DownloadPaymentFileResponse,
  type GetSigningKeyResponse,
  type ListPaymentFilesRequest,
  type ListPaymentFilesResponse,
} from '@posa/proto';
import type { PaymentsDeps } from '../deps';
import { keyIdOf, publicKeyPem } from '../files/checksums';
import { downloadPaymentFile, listPaymentFiles } from '../files/payment-file-handlers';

export function paymentFileService(deps: PaymentsDeps): ServiceRegistration {
  return service(PaymentFileServiceService, {
    async listPaymentFiles(
      request: ListPaymentFilesRequest,
      ctx: CallContext,
    ): Promise<ListPaymentFilesResponse> {
      return { files: await listPaymentFiles(deps, principalOf(ctx), request.payrollId) };
    },

    downloadPaymentFile(
      request: DownloadPaymentFileRequest,
      ctx: CallContext,
    ): AsyncIterable<DownloadPaymentFileResponse> {
      return downloadPaymentFile(deps, principalOf(ctx), request.payrollId, request.fileName);
    },

    getSigningKey(_request: unknown, ctx: CallContext): GetSigningKeyResponse {
      principalOf(ctx);
      return {
        publicKeyPem: publicKeyPem(deps.signingKey.publicKey),
        keyId: keyIdOf(deps.signingKey.publicKey),
      };
    },
  });
}
