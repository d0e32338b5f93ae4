/** Structured replies for the Nordfreight fixture deal, written by us in the shape of llmDraftSchema. */
export function validNordfreightReply() {
  return {
    today: [
      {
        text: 'Cross-border shipments are slow today.',
        entry_ids: [2],
        quote: 'we lose three days on every cross-border shipment',
      },
    ],
    drivers: [
      { text: 'Three days lost per cross-border shipment.', entry_ids: [2], quote: null },
      { text: 'Invoices are reconciled by hand.', entry_ids: [3], quote: null },
    ],
    success_factors: [
      {
        text: '95% on-time delivery by Q3.',
        entry_ids: [5],
        quote: "95% on time by Q3, that's the number the board watches",
      },
    ],
    constraints: [
      { text: 'No new spend before the March freeze.', entry_ids: [6], quote: null },
      {
        text: 'A failed pilot would fall on operations.',
        entry_ids: [7],
        quote: 'if this fails, my team takes the blame',
      },
    ],
    vision: [
      {
        text: 'Cross-border shipments on time, judged by the 95% the board watches, without new spend before March.',
        entry_ids: [2, 5, 6],
        quote: null,
      },
      { text: 'They will buy our routing module.', entry_ids: [1], quote: null },
    ],
    questions: [{ text: 'Who owns the March freeze?', spin: 'situation', entry_ids: [6] }],
  };
}
