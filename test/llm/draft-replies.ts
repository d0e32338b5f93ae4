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
        future: 'cross-border shipments on time, at the 95% the board watches',
        driver_ids: [2],
        success_ids: [5],
        respect_ids: [6],
        first_step: 'a scoping that needs no new spend before March',
      },
      {
        future: 'you run our routing module',
        driver_ids: [1],
        success_ids: [5],
        respect_ids: [],
        first_step: null,
      },
    ],
    perspective: [{ text: 'Teams like yours start with routing.', entry_ids: [1, 2], quote: null }],
    questions: [{ text: 'Who owns the March freeze?', spin: 'situation', entry_ids: [6] }],
  };
}

/** A reply for the issue-14 deal: perspective earned; one point passes our proposal off as their driver. */
export function harborReply() {
  return {
    today: [],
    drivers: [
      { text: 'Penalties', entry_ids: [33], quote: 'we paid 400k in late-delivery penalties last year' },
      {
        text: 'Three days lost',
        entry_ids: [32],
        quote: 'we lose three days on every cross-border shipment',
      },
    ],
    success_factors: [
      { text: 'On time', entry_ids: [36], quote: "95% on time by Q3, that's the number the board watches" },
    ],
    constraints: [
      { text: 'Spend freeze', entry_ids: [38], quote: 'no new spend before March, full stop' },
      { text: 'Blame', entry_ids: [41], quote: null },
    ],
    vision: [
      {
        future: 'shipments that arrive on time, and penalties you no longer pay',
        driver_ids: [32, 33],
        success_ids: [36],
        respect_ids: [38],
        first_step: 'map the three worst lanes together, at no cost, before March',
      },
      {
        future: 'routing optimised by our module',
        driver_ids: [31],
        success_ids: [36],
        respect_ids: [],
        first_step: null,
      },
    ],
    perspective: [
      {
        text: 'We have seen a single-lane pilot settle the on-time question within a quarter.',
        entry_ids: [42, 32],
        quote: null,
      },
    ],
    questions: [{ text: 'Who decides what happens in March?', spin: 'situation', entry_ids: [38] }],
  };
}
