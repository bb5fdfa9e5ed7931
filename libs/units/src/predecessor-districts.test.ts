import { csvFields, loadPredecessorDistricts } from './predecessor-districts';

describe('predecessor districts from the conversion table', () => {
  it('reads quoted fields with commas', () => {
    expect(csvFields('a,"b, c",,d')).toEqual(['a', 'b, c', '', 'd']);
    expect(csvFields('a,b,')).toEqual(['a', 'b', '']);
  });

  it('gives the 2024 districts of Phường Ba Đình and Phường Ngọc Hà', () => {
    const districts = loadPredecessorDistricts();
    // Ba Đình took wards of Ba Đình (001), Hoàn Kiếm (002) and Tây Hồ (003).
    expect(districts.of('00004')).toEqual(['001', '002', '003']);
    expect(districts.of('00008')).toEqual(['001', '005']);
    expect(districts.of('99999')).toEqual([]);
  });
});
