/**
 * The cases service as the edge calls it: CaseService (hồ sơ từ lúc nộp đến quyết định) and
 * CaseVariationService (điều chỉnh, tạm dừng, tiếp tục, thôi hưởng, chuyển đi) and
 * PolicyCatalogueService (danh mục chính sách: mức chuẩn, diện hưởng, hệ số...), each call with
 * the user's access token and address and a deadline. Reads are marked idempotent (retried
 * when the service is briefly unavailable); writes are never retried.
 */
import { createGrpcClient, type CallOptions, type GrpcClient, type Metrics } from '@posa/platform';
import {
  CaseServiceClient,
  CaseVariationServiceClient,
  PolicyCatalogueServiceClient,
  type CalendarDate,
  type GetCatalogueResponse,
  type ListProcedureRulesResponse,
  type PolicyCatalogueServiceService,
  type RecordBaseLevelRequest,
  type RecordBaseLevelResponse,
  type RecordCareSupportTypeRequest,
  type RecordCareSupportTypeResponse,
  type RecordCategoryRequest,
  type RecordCategoryResponse,
  type RecordCoefficientRuleRequest,
  type RecordCoefficientRuleResponse,
  type RecordEmergencyAssistanceTypeRequest,
  type RecordEmergencyAssistanceTypeResponse,
  type AcceptTransferRequest,
  type AcceptTransferResponse,
  type AppraiseCaseRequest,
  type AppraiseCaseResponse,
  type ApproveCaseRequest,
  type ApproveCaseResponse,
  type CaseServiceService,
  type CaseVariationServiceService,
  type ChangeEligibilityRequest,
  type ChangeEligibilityResponse,
  type CheckCompletenessRequest,
  type CheckCompletenessResponse,
  type GetCaseResponse,
  type GetEntitlementsRequest,
  type GetEntitlementsResponse,
  type ListCasesRequest,
  type ListCasesResponse,
  type RejectCaseRequest,
  type RejectCaseResponse,
  type ResolveReviewFlagRequest,
  type ResolveReviewFlagResponse,
  type ResubmitApplicationRequest,
  type ResubmitApplicationResponse,
  type ResumeCaseRequest,
  type ResumeCaseResponse,
  type SubmitApplicationRequest,
  type SubmitApplicationResponse,
  type SuspendCaseRequest,
  type SuspendCaseResponse,
  type TerminateCaseRequest,
  type TerminateCaseResponse,
  type TransferCaseRequest,
  type TransferCaseResponse,
  type VerifyBeneficiaryRequest,
  type VerifyBeneficiaryResponse,
} from '@posa/proto';
import { callerOptions, type Caller } from './unit-gateway';

export class CaseGateway {
  constructor(
    private readonly cases: GrpcClient<CaseServiceService>,
    private readonly variations: GrpcClient<CaseVariationServiceService>,
    private readonly policies: GrpcClient<PolicyCatalogueServiceService>,
    private readonly deadlineMs: number,
  ) {}

  private options(caller: Caller, idempotent: boolean): CallOptions {
    return callerOptions(caller, this.deadlineMs, idempotent);
  }

  submitApplication(
    caller: Caller,
    request: SubmitApplicationRequest,
  ): Promise<SubmitApplicationResponse> {
    return this.cases.call('submitApplication', request, this.options(caller, false));
  }

  getCase(caller: Caller, caseId: string): Promise<GetCaseResponse> {
    return this.cases.call('getCase', { caseId }, this.options(caller, true));
  }

  listCases(caller: Caller, request: ListCasesRequest): Promise<ListCasesResponse> {
    return this.cases.call('listCases', request, this.options(caller, true));
  }

  checkCompleteness(
    caller: Caller,
    request: CheckCompletenessRequest,
  ): Promise<CheckCompletenessResponse> {
    return this.cases.call('checkCompleteness', request, this.options(caller, false));
  }

  resubmitApplication(
    caller: Caller,
    request: ResubmitApplicationRequest,
  ): Promise<ResubmitApplicationResponse> {
    return this.cases.call('resubmitApplication', request, this.options(caller, false));
  }

  appraiseCase(caller: Caller, request: AppraiseCaseRequest): Promise<AppraiseCaseResponse> {
    return this.cases.call('appraiseCase', request, this.options(caller, false));
  }

  verifyBeneficiary(
    caller: Caller,
    request: VerifyBeneficiaryRequest,
  ): Promise<VerifyBeneficiaryResponse> {
    return this.cases.call('verifyBeneficiary', request, this.options(caller, false));
  }

  approveCase(caller: Caller, request: ApproveCaseRequest): Promise<ApproveCaseResponse> {
    return this.cases.call('approveCase', request, this.options(caller, false));
  }

  rejectCase(caller: Caller, request: RejectCaseRequest): Promise<RejectCaseResponse> {
    return this.cases.call('rejectCase', request, this.options(caller, false));
  }

  getEntitlements(
    caller: Caller,
    request: GetEntitlementsRequest,
  ): Promise<GetEntitlementsResponse> {
    return this.cases.call('getEntitlements', request, this.options(caller, true));
  }

  changeEligibility(
    caller: Caller,
    request: ChangeEligibilityRequest,
  ): Promise<ChangeEligibilityResponse> {
    return this.variations.call('changeEligibility', request, this.options(caller, false));
  }

  suspendCase(caller: Caller, request: SuspendCaseRequest): Promise<SuspendCaseResponse> {
    return this.variations.call('suspendCase', request, this.options(caller, false));
  }

  resumeCase(caller: Caller, request: ResumeCaseRequest): Promise<ResumeCaseResponse> {
    return this.variations.call('resumeCase', request, this.options(caller, false));
  }

  terminateCase(caller: Caller, request: TerminateCaseRequest): Promise<TerminateCaseResponse> {
    return this.variations.call('terminateCase', request, this.options(caller, false));
  }

  transferCase(caller: Caller, request: TransferCaseRequest): Promise<TransferCaseResponse> {
    return this.variations.call('transferCase', request, this.options(caller, false));
  }

  acceptTransfer(caller: Caller, request: AcceptTransferRequest): Promise<AcceptTransferResponse> {
    return this.variations.call('acceptTransfer', request, this.options(caller, false));
  }

  resolveReviewFlag(
    caller: Caller,
    request: ResolveReviewFlagRequest,
  ): Promise<ResolveReviewFlagResponse> {
    return this.variations.call('resolveReviewFlag', request, this.options(caller, false));
  }

  /** The catalogue in force on `asOf` (default today), or every version with `includeHistory`. */
  getCatalogue(
    caller: Caller,
    asOf: CalendarDate | undefined,
    includeHistory = false,
  ): Promise<GetCatalogueResponse> {
    return this.policies.call('getCatalogue', { asOf, includeHistory }, this.options(caller, true));
  }

  listProcedureRules(caller: Caller): Promise<ListProcedureRulesResponse> {
    return this.policies.call('listProcedureRules', {}, this.options(caller, true));
  }

  recordBaseLevel(
    caller: Caller,
    request: RecordBaseLevelRequest,
  ): Promise<RecordBaseLevelResponse> {
    return this.policies.call('recordBaseLevel', request, this.options(caller, false));
  }

  recordCoefficientRule(
    caller: Caller,
    request: RecordCoefficientRuleRequest,
  ): Promise<RecordCoefficientRuleResponse> {
    return this.policies.call('recordCoefficientRule', request, this.options(caller, false));
  }

  recordCategory(caller: Caller, request: RecordCategoryRequest): Promise<RecordCategoryResponse> {
    return this.policies.call('recordCategory', request, this.options(caller, false));
  }

  recordCareSupportType(
    caller: Caller,
    request: RecordCareSupportTypeRequest,
  ): Promise<RecordCareSupportTypeResponse> {
    return this.policies.call('recordCareSupportType', request, this.options(caller, false));
  }

  recordEmergencyAssistanceType(
    caller: Caller,
    request: RecordEmergencyAssistanceTypeRequest,
  ): Promise<RecordEmergencyAssistanceTypeResponse> {
    return this.policies.call(
      'recordEmergencyAssistanceType',
      request,
      this.options(caller, false),
    );
  }

  close(): void {
    this.cases.close();
    this.variations.close();
    this.policies.close();
  }
}

export function createCaseGateway(
  address: string,
  deadlineMs: number,
  metrics?: Metrics,
): CaseGateway {
  const options = { defaultDeadlineMs: deadlineMs, metrics };
  return new CaseGateway(
    createGrpcClient(CaseServiceClient, address, options),
    createGrpcClient(CaseVariationServiceClient, address, options),
    createGrpcClient(PolicyCatalogueServiceClient, address, options),
    deadlineMs,
  );
}
