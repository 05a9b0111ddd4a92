import type {
  OutgoingAgencySignatureApplied,
  OutgoingDocumentEvent,
  OutgoingDocumentIssued,
  OutgoingDocumentNumbered,
  OutgoingDocumentRecalled,
  OutgoingDocumentSigned,
  OutgoingDraftApproved,
  OutgoingDraftCreated,
  OutgoingDraftReturned,
  OutgoingDraftRevised,
  OutgoingDraftSubmitted,
  SignerCompetence,
} from '@app/domain';
import { numberAndNotation } from '@app/domain';
import { colonText, listNames, vnDate } from './summary-phrases';

/**
 * One readable Vietnamese sentence per event of an outgoing document, as an auditor reads the history.
 * `by` names who acted ("Chuyên viên Hoàng Văn Viên"), from the event's metadata.
 */
export function summarizeOutgoingEvent(event: OutgoingDocumentEvent, by: string): string {
  switch (event.type) {
    case 'OutgoingDraftCreated':
      return draftCreated(event.data, by);
    case 'OutgoingDraftRevised':
      return draftRevised(event.data, by);
    case 'OutgoingDraftSubmitted':
      return draftSubmitted(event.data, by);
    case 'OutgoingDraftReturned':
      return draftReturned(event.data, by);
    case 'OutgoingDraftApproved':
      return draftApproved(event.data, by);
    case 'OutgoingDocumentSigned':
      return signed(event.data, by);
    case 'OutgoingDocumentNumbered':
      return numbered(event.data, by);
    case 'OutgoingAgencySignatureApplied':
      return agencySignatureApplied(event.data, by);
    case 'OutgoingDocumentIssued':
      return issued(event.data, by);
    case 'OutgoingDocumentRecalled':
      return recalled(event.data, by);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Decree 30 Điều 13: how the signer signs. */
const COMPETENCE_LABELS: Readonly<Record<SignerCompetence, string>> = {
  DIRECT: 'ký trực tiếp',
  TM: 'ký thay mặt (TM.)',
  KT: 'ký thay (KT.)',
  TL: 'ký thừa lệnh (TL.)',
  TUQ: 'ký thừa ủy quyền (TUQ.)',
  Q: 'ký quyền (Q.)',
};

function draftCreated(d: OutgoingDraftCreated['data'], by: string): string {
  return `${by} tạo dự thảo ${d.documentTypeName} (phiên bản ${d.version}): ${d.subject}`;
}

function draftRevised(d: OutgoingDraftRevised['data'], by: string): string {
  return `${by} sửa dự thảo thành phiên bản ${d.version}: ${d.subject}`;
}

function draftSubmitted(d: OutgoingDraftSubmitted['data'], by: string): string {
  return `${by} trình duyệt dự thảo phiên bản ${d.version} lên ${d.approver.fullName}`;
}

function draftReturned(d: OutgoingDraftReturned['data'], by: string): string {
  return `${by} trả lại dự thảo phiên bản ${d.version} cho ${d.drafter.fullName}${colonText(d.reason)}`;
}

function draftApproved(d: OutgoingDraftApproved['data'], by: string): string {
  return `${by} duyệt dự thảo phiên bản ${d.version}`;
}

function signed(d: OutgoingDocumentSigned['data'], by: string): string {
  return `${by} ký số văn bản (người ký ${d.signer.fullName}, ${COMPETENCE_LABELS[d.signer.competence]}, chứng thư số ${d.certificateSerial})`;
}

function numbered(d: OutgoingDocumentNumbered['data'], by: string): string {
  return `${by} cấp số ${numberAndNotation(d.codeNumber, d.codeNotation)} ngày ${vnDate(d.issuedDate)} (sổ ${d.registerCode}/${d.year})`;
}

function agencySignatureApplied(d: OutgoingAgencySignatureApplied['data'], by: string): string {
  return `${by} ký số của cơ quan, chứng thư số ${d.certificateSerial}`;
}

function issued(d: OutgoingDocumentIssued['data'], by: string): string {
  const late = d.issuedLate ? ' (quá hạn phát hành)' : '';
  return `${by} phát hành văn bản số ${numberAndNotation(d.codeNumber, d.codeNotation)}${late} đến ${listNames(d.recipients.map((r) => r.name))}`;
}

function recalled(d: OutgoingDocumentRecalled['data'], by: string): string {
  return `${by} thu hồi văn bản số ${numberAndNotation(d.codeNumber, d.codeNotation)}${colonText(d.reason)}`;
}
