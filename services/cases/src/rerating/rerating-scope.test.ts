import { reratingScopeOf } from './rerating-scope';

describe('reratingScopeOf', () => {
  it('scopes a provincial base level to its province, from the first whole month', () => {
    expect(reratingScopeOf('base_level', { validFrom: '2027-01-15', provinceCode: '79' })).toEqual({
      fromMonth: '2027-02',
      provinceCode: '79',
      categoryCode: null,
      careSupportTypeCode: null,
    });
    expect(
      reratingScopeOf('base_level', { validFrom: '2027-01-01', provinceCode: null }),
    ).toMatchObject({ fromMonth: '2027-01', provinceCode: null });
  });

  it('scopes coefficient lines to their category and care-support types to their code', () => {
    expect(
      reratingScopeOf('coefficient_rule', { validFrom: '2027-07-01', categoryCode: 'nd20-5a' }),
    ).toMatchObject({ categoryCode: 'nd20-5a', careSupportTypeCode: null });
    expect(
      reratingScopeOf('care_support_type', { validFrom: '2027-07-01', code: 'cs-1' }),
    ).toMatchObject({ categoryCode: null, careSupportTypeCode: 'cs-1' });
  });

  it('leaves running amounts alone for new categories and emergency types', () => {
    expect(reratingScopeOf('allowance_category', { validFrom: '2027-07-01' })).toBeUndefined();
    expect(
      reratingScopeOf('emergency_assistance_type', { validFrom: '2027-07-01' }),
    ).toBeUndefined();
  });
});
