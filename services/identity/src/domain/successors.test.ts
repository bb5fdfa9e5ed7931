import { districtSuccessors, provinceSuccessor } from './successors';

describe('districtSuccessors', () => {
  it('is partial when the district went to several communes, listing its units per target', () => {
    const result = districtSuccessors([
      { oldCode: '00001', newCode: '00004', relation: 'full', note: '' },
      { oldCode: '00016', newCode: '00004', relation: 'partial', note: '' },
      { oldCode: '00016', newCode: '00008', relation: 'partial', note: '' },
    ]);
    expect(result).toEqual([
      {
        newCode: '00004',
        relation: 'partial',
        note: 'from units of the district: 00001, 00016 (part)',
      },
      { newCode: '00008', relation: 'partial', note: 'from units of the district: 00016 (part)' },
    ]);
  });

  it('is full when the whole district went into one commune (island districts)', () => {
    expect(
      districtSuccessors([{ oldCode: '536', newCode: '21548', relation: 'full', note: '' }]),
    ).toEqual([{ newCode: '21548', relation: 'full', note: 'from units of the district: 536' }]);
  });
});

describe('provinceSuccessor', () => {
  it('is unchanged when the province kept its code alone, full when merged', () => {
    expect(provinceSuccessor('04', '04', ['04']).relation).toBe('unchanged');
    expect(provinceSuccessor('02', '08', ['02', '08'])).toEqual({
      newCode: '08',
      relation: 'full',
      note: 'merged whole into province 08 with old provinces 02, 08',
    });
  });
});
