/**
 * The key that matches a line across periods. Charging embeds the period in line ids (a recurring
 * fee is `rec:SUB:FROM`, usage `use:SUB:FROM:SERVICE:CATEGORY:ROAMING`, an instalment
 * `otc:SUB:CHARGE:ORDERED:K`; promotions, discounts and corrections wrap their target's id), so the
 * same charge has a different id each month. Dropping the segment dates and the instalment number
 * leaves what stays: the subscription, what is charged, and the catalog item.
 */
export function lineMatchKey(lineId: string): string {
  return lineId.replace(/(otc:[^:]+:[^:]+:\d{4}-\d{2}):\d+/g, '$1').replace(/:\d{4}-\d{2}-\d{2}/g, '');
}
