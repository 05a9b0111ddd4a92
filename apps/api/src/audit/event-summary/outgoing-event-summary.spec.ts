import * as f from '@app/domain/outgoing-document/testing/outgoing-document.fixtures';
import { summarizeOutgoingEvent } from './outgoing-event-summary';

describe('summarizeOutgoingEvent', () => {
  it('tells the life of an outgoing document in plain Vietnamese', () => {
    const events = [...f.HISTORY.RETURNED, f.revised(), ...f.HISTORY.RECALLED.slice(1)];
    expect(events.map((event) => summarizeOutgoingEvent(event, 'X'))).toEqual([
      'X tạo dự thảo Quyết định (phiên bản 1): Về việc ban hành Quy chế quản lý văn bản điện tử',
      'X trình duyệt dự thảo phiên bản 1 lên Lê Văn C',
      'X trả lại dự thảo phiên bản 1 cho Hoàng Thị E: Bổ sung căn cứ pháp lý',
      'X sửa dự thảo thành phiên bản 2: Về việc ban hành Quy chế quản lý văn bản điện tử',
      'X trình duyệt dự thảo phiên bản 1 lên Lê Văn C',
      'X duyệt dự thảo phiên bản 1',
      'X ký số văn bản (người ký Lê Văn C, ký trực tiếp, chứng thư số 5403A1B2C3D4E5F6)',
      'X cấp số 05/QĐ-UBND ngày 03/03/2025 (sổ DI/2025)',
      'X ký số của cơ quan, chứng thư số 5403FFEE0011',
      'X phát hành văn bản số 05/QĐ-UBND đến Sở Nội vụ, Sở Tài chính và Công ty TNHH Minh Phát',
      'X thu hồi văn bản số 05/QĐ-UBND: Văn bản ban hành sai thể thức',
    ]);
  });
});
