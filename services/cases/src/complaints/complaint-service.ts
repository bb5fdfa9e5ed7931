/**
 * ComplaintService: complaints and correction requests about data (phản ánh, kiến nghị về dữ
 * liệu), from staff or from citizens through the edge. Authorisation is in complaint-access.ts.
 */
import { service, type ServiceRegistration } from '@posa/platform';
import { ComplaintServiceService } from '@posa/proto';
import type { CasesDeps } from '../deps';
import { fileComplaintHandler, type ComplaintLimits } from './complaint-file';
import { complaintReadHandlers } from './complaint-read-handlers';
import { complaintWriteHandlers } from './complaint-write-handlers';

export function complaintService(deps: CasesDeps, limits: ComplaintLimits): ServiceRegistration {
  return service(ComplaintServiceService, {
    fileComplaint: fileComplaintHandler(deps, limits),
    ...complaintReadHandlers(deps),
    ...complaintWriteHandlers(deps),
  });
}
