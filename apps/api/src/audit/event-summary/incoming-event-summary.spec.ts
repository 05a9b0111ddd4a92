import { IncomingDocumentEvent, incomingDocumentDecider, IncomingDocumentState } from '@app/domain';
import { incomingFixtures as f } from '@app/domain/testing';
import { summarizeIncomingEvent } from './incoming-event-summary';

/** The events the decider decides for `commands` in turn, from nothing. */
function eventsOf(commands: readonly Parameters<typeof incomingDocumentDecider.decide>[0][]): IncomingDocumentEvent[] {
  let state: IncomingDocumentState = incomingDocumentDecider.initialState();
  const events: IncomingDocumentEvent[] = [];
  for (const command of commands) {
    for (const event of incomingDocumentDecider.decide(command, state)) {
      events.push(event);
      state = incomingDocumentDecider.evolve(state, event);
    }
  }
  return events;
}

const summaries = (events: readonly IncomingDocumentEvent[]) => events.map((event) => summarizeIncomingEvent(event, 'X'));

describe('summarizeIncomingEvent', () => {
  it('tells the processing of a document in plain Vietnamese', () => {
    const events = eventsOf([
      f.receive(),
      f.registerDocument(),
      f.presentDocument(),
      f.assignDocument(),
      f.forwardAssignment(),
      f.startProcessing(f.officer),
      f.reportProgress('Đã lấy ý kiến', f.officer),
      f.extendDeadline(),
      f.completeDocument({}, f.officer),
    ]);
    expect(summaries(events)).toEqual([
      'X tiếp nhận văn bản đến số 05/QĐ-UBND ngày 28/02/2025 của UBND tỉnh Ninh Bình (liên thông, độ khẩn Khẩn): ' +
        'Về việc ban hành Quy chế quản lý văn bản điện tử',
      'X vào sổ văn bản đến số 17 (sổ DEN/2025), ngày đến 03/03/2025',
      'X trình văn bản lên Lê Văn C',
      'X phân công chủ trì: Phòng Hành chính - Tổ chức; phối hợp: Vũ Văn H; để biết: Phòng Kế hoạch - Tài chính; ' +
        'hạn xử lý 17:00 ngày 14/03/2025; bút phê: “Giao Phòng HCTC chủ trì, tham mưu triển khai; Phòng KHTC phối hợp.”',
      'X chuyển xử lý (lần 1) từ Phòng Hành chính - Tổ chức đến Hoàng Thị E, hạn 17:00 ngày 11/03/2025: Đ/c E nghiên cứu, dự thảo kế hoạch.',
      'X bắt đầu xử lý văn bản',
      'X báo cáo tiến độ: Đã lấy ý kiến',
      'X gia hạn xử lý từ 17:00 ngày 14/03/2025 đến 17:00 ngày 21/03/2025: Chờ ý kiến các sở, ngành',
      'X hoàn thành xử lý: Đã ban hành kế hoạch triển khai. (văn bản trả lời out-0042)',
    ]);
  });

  it('tells a rejection, a paper copy and a recall', () => {
    expect(summaries(eventsOf([f.receive(), f.rejectDocument({ reason: 'OTHER', note: 'Thiếu phụ lục' })]))[1]).toBe(
      'X từ chối tiếp nhận: lý do khác (Thiếu phụ lục)',
    );
    expect(summaries(eventsOf([f.receive(), f.linkPaperCopy()]))[1]).toBe('X ghi nhận bản giấy của văn bản điện tử đã vào sổ số 12 (sổ DEN/2025)');
    expect(summaries(eventsOf([f.receive(), f.requestRecall(), f.acknowledgeRecall()])).slice(1)).toEqual([
      'X ghi nhận yêu cầu thu hồi của nơi gửi: Văn bản ban hành sai thể thức',
      'X thu hồi văn bản theo yêu cầu của nơi gửi',
    ]);
    expect(summaries(eventsOf([f.receive(), f.requestRecall(), f.refuseRecall()]))[2]).toBe(
      'X từ chối thu hồi, văn bản trở lại trạng thái đã tiếp nhận: Văn bản đã được triển khai',
    );
  });
});
