/** Pieces the JSON Schemas (OpenAPI 3.1 components) of the API are built from. */

export const nullableString = { type: ['string', 'null'] };

/** A date of birth or death as the registry keeps it: year, year and month, or a full day. */
export const partialDate = {
  type: ['string', 'null'],
  pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};

/** A reference to another component schema. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A keyset page: the items under `items`, and the token of the next page. */
export const page = (items: string, name: string) => ({
  type: 'object',
  required: [items, 'nextPageToken'],
  properties: {
    [items]: { type: 'array', items: ref(name) },
    nextPageToken: { ...nullableString, description: 'null on the last page' },
  },
});

export const householdStatus = { type: ['string', 'null'], enum: ['active', 'dissolved', null] };
