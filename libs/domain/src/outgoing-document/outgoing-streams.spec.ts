import {
  STREAM_CATEGORIES,
  deliveryStream,
  documentIdOfDeliveryStream,
  documentIdOfOutgoingStream,
  outgoingSequenceStream,
  outgoingStream,
  registerStream,
} from '../streams';

describe('stream ids of outgoing documents, issue sequences and deliveries', () => {
  it('name each stream with its category first', () => {
    expect(outgoingStream('4b0c')).toBe('outgoing-4b0c');
    expect(outgoingSequenceStream('000.00.01.H41', 2025)).toBe('outgoing_sequence-000.00.01.H41-2025');
    expect(deliveryStream('4b0c')).toBe('delivery-4b0c');
  });

  it('keep the categories free of "-" and distinct from the others', () => {
    const categories = Object.values(STREAM_CATEGORIES);
    categories.forEach((category) => expect(category).not.toContain('-'));
    expect(new Set(categories).size).toBe(categories.length);
    expect(outgoingSequenceStream('x', 2025).split('-')[0]).not.toBe(registerStream('x', 'DI', 2025).split('-')[0]);
  });

  it('read the document id back', () => {
    expect(documentIdOfOutgoingStream(outgoingStream('a-b-c'))).toBe('a-b-c');
    expect(documentIdOfOutgoingStream('outgoing_sequence-x-2025')).toBeNull();
    expect(documentIdOfOutgoingStream(deliveryStream('d'))).toBeNull();
    expect(documentIdOfDeliveryStream(deliveryStream('a-b'))).toBe('a-b');
    expect(documentIdOfDeliveryStream(outgoingStream('a'))).toBeNull();
  });
});
