/** JSON Schemas (OpenAPI 3.1 components) of the review-round routes (rà soát). */
import { nullableString, ref } from './schema-parts';
const day = { type: ['string', 'null'], format: 'date' };
const requiredDay = { type: 'string', format: 'date' };
const classification = {
  type: ['string', 'null'],
  enum: ['poor', 'near_poor', 'average_living', 'not_poor', null],
};
const uuid = { type: 'string', format: 'uuid' };

export const reviewSchemas = {
  ReviewRound: {
    type: 'object',
    required: [
      'id',
      'communeCode',
      'year',
      'kind',
      'status',
      'overdue',
      'standardCode',
      'procedureCode',
    ],
    properties: {
      id: uuid,
      communeCode: { type: 'string' },
      provinceCode: { type: 'string' },
      year: { type: 'integer' },
      kind: { type: ['string', 'null'], enum: ['periodic', 'monthly', null] },
      startedOn: day,
      deadline: { ...day, description: 'monthly rounds: last day for the decision' },
      overdue: { type: 'boolean' },
      standardCode: { type: 'string', description: 'poverty standard in force on the start date' },
      procedureCode: { type: 'string', description: 'review procedure in force on the start date' },
      needsDistrictOpinion: { type: 'boolean' },
      status: { type: ['string', 'null'], enum: ['open', 'posted', 'recognized', null] },
      householdCount: { type: 'integer' },
      assessedCount: { type: 'integer' },
      postedFrom: day,
      postedTo: day,
      districtOpinion: {
        type: ['object', 'null'],
        properties: {
          districtCode: { type: 'string' },
          givenOn: day,
          documentNumber: { type: 'string' },
          opinion: { type: 'string' },
        },
      },
      decision: {
        type: ['object', 'null'],
        properties: {
          decisionNumber: { type: 'string' },
          decidedOn: day,
          signer: { type: 'string' },
        },
      },
    },
  },
  ReviewRoundList: {
    type: 'object',
    required: ['rounds', 'nextPageToken'],
    properties: {
      rounds: { type: 'array', items: ref('ReviewRound') },
      nextPageToken: { type: ['string', 'null'], description: 'null on the last page' },
    },
  },
  ReviewRoundHousehold: {
    type: 'object',
    required: ['householdId', 'householdCode', 'source'],
    properties: {
      householdId: uuid,
      householdCode: { type: 'string' },
      villageCode: nullableString,
      source: {
        type: ['string', 'null'],
        enum: ['current_list', 'form_01', 'form_04', 'added', null],
      },
      reason: { type: 'string' },
      previousClassification: classification,
      assessment: {
        type: ['object', 'null'],
        properties: {
          incomePerPerson: { ...nullableString, description: 'whole dong per person per month' },
          deprivedIndicatorCodes: { type: 'array', items: { type: 'string' } },
          classification,
          rule: { type: 'string', examples: ['2022-2025/near-poor'] },
          standardCode: { type: 'string' },
        },
      },
    },
  },
  ReviewRoundDetail: {
    type: 'object',
    required: ['round', 'households', 'meetings'],
    properties: {
      round: ref('ReviewRound'),
      households: { type: 'array', items: ref('ReviewRoundHousehold') },
      meetings: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            villageCode: { type: 'string' },
            heldOn: day,
            attendees: { type: 'integer' },
            agreedCount: { type: 'integer' },
          },
        },
      },
    },
  },
  ReviewResults: {
    type: 'object',
    required: ['changes', 'unassessedHouseholdIds'],
    properties: {
      changes: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            householdId: uuid,
            householdCode: { type: 'string' },
            previousClassification: classification,
            classification,
            kind: {
              type: ['string', 'null'],
              enum: [
                'newly_poor',
                'near_poor_to_poor',
                'poor_to_near_poor',
                'out_of_poverty',
                'new_near_poor',
                'unchanged',
                null,
              ],
            },
          },
        },
      },
      unassessedHouseholdIds: { type: 'array', items: uuid },
    },
  },
  ReviewRecognition: {
    type: 'object',
    required: ['round', 'classifiedCount'],
    properties: { round: ref('ReviewRound'), classifiedCount: { type: 'integer' } },
  },
  ReviewRequestRecorded: {
    type: 'object',
    required: ['requestId', 'year'],
    properties: {
      requestId: uuid,
      year: { type: 'integer', description: 'the year whose round takes it' },
    },
  },
  ReviewRequest: {
    type: 'object',
    required: ['id', 'householdId', 'householdCode', 'communeCode', 'year', 'form', 'status'],
    properties: {
      id: uuid,
      householdId: uuid,
      householdCode: { type: 'string' },
      communeCode: { type: 'string' },
      year: { type: 'integer', description: 'the year whose round takes it' },
      form: { type: ['string', 'null'], enum: ['form_01', 'form_04', null] },
      receivedOn: day,
      note: { type: 'string' },
      status: { type: ['string', 'null'], enum: ['pending', 'in_round', 'refused', null] },
      roundId: { ...nullableString, description: 'the round that listed it' },
      refusal: {
        type: ['object', 'null'],
        description: 'the written refusal (status refused)',
        properties: {
          documentNumber: { type: 'string' },
          refusedOn: day,
          reason: { type: 'string' },
          signer: { type: 'string' },
        },
      },
    },
  },
  ReviewRequestList: {
    type: 'object',
    required: ['requests', 'nextPageToken'],
    properties: {
      requests: { type: 'array', items: ref('ReviewRequest') },
      nextPageToken: nullableString,
    },
  },
  NewReviewRefusal: {
    type: 'object',
    required: ['documentNumber', 'reason', 'signer'],
    additionalProperties: false,
    properties: {
      documentNumber: { type: 'string', maxLength: 50 },
      refusedOn: { ...requiredDay, description: 'default today' },
      reason: { type: 'string', maxLength: 2000, description: 'the reasons, as written' },
      signer: { type: 'string', maxLength: 200 },
    },
  },
  NewReviewRound: {
    type: 'object',
    required: ['communeCode', 'kind'],
    additionalProperties: false,
    properties: {
      communeCode: { type: 'string', pattern: '^[0-9]{5}$' },
      kind: { type: 'string', enum: ['periodic', 'monthly'] },
    },
  },
  NewReviewRequest: {
    type: 'object',
    required: ['householdId', 'form'],
    additionalProperties: false,
    properties: {
      householdId: uuid,
      form: { type: 'string', enum: ['form_01', 'form_04'] },
      receivedOn: { ...requiredDay, description: 'default today' },
      note: { type: 'string', maxLength: 1000 },
    },
  },
  NewRoundHousehold: {
    type: 'object',
    required: ['householdId', 'reason'],
    additionalProperties: false,
    properties: { householdId: uuid, reason: { type: 'string', maxLength: 1000 } },
  },
  NewReviewAssessment: {
    type: 'object',
    required: ['householdId', 'incomePerPerson', 'deprivedIndicatorCodes'],
    additionalProperties: false,
    properties: {
      householdId: uuid,
      incomePerPerson: {
        type: ['string', 'integer'],
        pattern: '^[0-9]{1,15}$',
        description: 'whole dong per person per month',
      },
      deprivedIndicatorCodes: {
        type: 'array',
        items: { type: 'string' },
        description: 'indicators of the round’s standard',
      },
    },
  },
  NewVillageMeeting: {
    type: 'object',
    required: ['villageCode', 'heldOn', 'attendees', 'agreedCount'],
    additionalProperties: false,
    properties: {
      villageCode: { type: 'string' },
      heldOn: requiredDay,
      attendees: { type: 'integer', minimum: 0 },
      agreedCount: { type: 'integer', minimum: 0, description: 'at least half of the attendees' },
    },
  },
  NewPublicPosting: {
    type: 'object',
    required: ['postedFrom', 'postedTo'],
    additionalProperties: false,
    properties: { postedFrom: requiredDay, postedTo: requiredDay },
  },
  NewDistrictOpinion: {
    type: 'object',
    required: ['givenOn', 'documentNumber', 'opinion'],
    additionalProperties: false,
    properties: {
      givenOn: requiredDay,
      documentNumber: { type: 'string' },
      opinion: { type: 'string' },
    },
  },
  NewRecognition: {
    type: 'object',
    required: ['decisionNumber', 'decidedOn', 'signer'],
    additionalProperties: false,
    properties: {
      decisionNumber: { type: 'string' },
      decidedOn: requiredDay,
      signer: { type: 'string' },
    },
  },
} as const;
