import type { InvoiceDocument, PostalAddress } from '../invoice.types.ts';
import type { XmlElement } from './ubl-common.ts';

interface PartyFields {
  email: string | null;
  identification: string | null;
  name: string;
  address: PostalAddress;
  vatId: string | null;
  companyId: string | null;
  phone: string | null;
}

function addAddress(party: XmlElement, address: PostalAddress): void {
  const postal = party.ele('cac:PostalAddress');
  const [street, additional, third] = address.lines;
  if (street) postal.ele('cbc:StreetName').txt(street);
  if (additional) postal.ele('cbc:AdditionalStreetName').txt(additional);
  if (address.city) postal.ele('cbc:CityName').txt(address.city);
  if (address.postcode) postal.ele('cbc:PostalZone').txt(address.postcode);
  if (address.region) postal.ele('cbc:CountrySubentity').txt(address.region);
  if (third) postal.ele('cac:AddressLine').ele('cbc:Line').txt(third);
  postal.ele('cac:Country').ele('cbc:IdentificationCode').txt(address.country);
}

// Element order is UBL 2.1's Party sequence: EndpointID, PartyIdentification, PartyName,
// PostalAddress, PartyTaxScheme, PartyLegalEntity, Contact.
function addParty(parent: XmlElement, fields: PartyFields): void {
  const party = parent.ele('cac:Party');
  // EAS "EM": the electronic address is an e-mail address (BR-62 wants a scheme).
  if (fields.email) party.ele('cbc:EndpointID', { schemeID: 'EM' }).txt(fields.email);
  if (fields.identification) party.ele('cac:PartyIdentification').ele('cbc:ID').txt(fields.identification);
  party.ele('cac:PartyName').ele('cbc:Name').txt(fields.name);
  addAddress(party, fields.address);
  if (fields.vatId) {
    const scheme = party.ele('cac:PartyTaxScheme');
    scheme.ele('cbc:CompanyID').txt(fields.vatId);
    scheme.ele('cac:TaxScheme').ele('cbc:ID').txt('VAT');
  }
  const legal = party.ele('cac:PartyLegalEntity');
  legal.ele('cbc:RegistrationName').txt(fields.name);
  if (fields.companyId) legal.ele('cbc:CompanyID').txt(fields.companyId);
  if (fields.phone || fields.email) {
    const contact = party.ele('cac:Contact');
    if (fields.phone) contact.ele('cbc:Telephone').txt(fields.phone);
    if (fields.email) contact.ele('cbc:ElectronicMail').txt(fields.email);
  }
}

/**
 * Adds the seller (BG-4) and buyer (BG-7) parties. `withVatIds` is false on an invoice outside the
 * scope of VAT, which EN 16931 forbids to carry VAT identifiers (BR-O-02).
 */
export function addUblParties(root: XmlElement, doc: InvoiceDocument, withVatIds: boolean): void {
  const { seller, buyer } = doc;
  addParty(root.ele('cac:AccountingSupplierParty'), {
    email: seller.email,
    identification: null,
    name: seller.name,
    address: seller.address,
    vatId: withVatIds ? seller.vatId : null,
    companyId: seller.companyId,
    phone: seller.phone,
  });
  addParty(root.ele('cac:AccountingCustomerParty'), {
    email: buyer.email,
    identification: buyer.customerId,
    name: buyer.name,
    address: buyer.address,
    vatId: withVatIds ? buyer.vatId : null,
    companyId: null,
    phone: null,
  });
}
