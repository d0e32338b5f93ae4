/** Block, action and view ids of the CRM feature (kept beside ids.ts so the features merge apart). */
export const CRM_IDS = {
  /** external_select in the setup modal: typeahead over the connected CRMs. */
  setupBlock: 'setup_crm_record',
  recordSearch: 'crm_record_search',
  send: 'crm_send',
  refresh: 'crm_refresh',
  reviewOverwrite: 'crm_review_overwrite',
  overwriteView: 'crm_overwrite_modal',
  mapView: 'crm_map_modal',
  mapBlockPrefix: 'crm_map_',
  /** The confirm step of `/vision crm disconnect <crm>`: its two buttons. */
  disconnect: 'crm_disconnect',
  disconnectCancel: 'crm_disconnect_cancel',
} as const;
