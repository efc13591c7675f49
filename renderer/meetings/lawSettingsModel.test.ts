import { newMeeting } from '../../shared/meetings/meeting';
import { meetingFormErrors, toFormValues, toMeeting } from './meetingFormModel';

const mkd = { ...newMeeting({ id: 'm', partnershipId: 'p', kind: 'mkd', title: 'Собрание', now: 't' }) };
const snt = { ...newMeeting({ id: 's', partnershipId: 'p', kind: 'snt', title: 'Собрание', now: 't' }) };

describe('the law and charter settings of the meeting form', () => {
  it('МКД: the building area is stored as a decimal and read back with a comma', () => {
    const v = { ...toFormValues(mkd), buildingArea: '5 230,4', viaGisZhkh: true };
    const m = toMeeting(v, mkd);
    expect(m.buildingArea).toBe('5230.4');
    expect(m.viaGisZhkh).toBe(true);
    expect(toFormValues(m).buildingArea).toBe('5230,4');
    expect(toMeeting({ ...v, buildingArea: '' }, m).buildingArea).toBeUndefined();
  });

  it('a bad area is an error in Russian; СНТ settings do not stick to an МКД meeting', () => {
    for (const bad of ['0', '-5', '12,345', 'много']) {
      expect(meetingFormErrors({ ...toFormValues(mkd), buildingArea: bad }).buildingArea).toBe(
        'Общая площадь: число квадратных метров больше нуля, например 5230,40.',
      );
    }
    expect(meetingFormErrors({ ...toFormValues(mkd), buildingArea: '0,01' }).buildingArea).toBeUndefined();
    const m = toMeeting({ ...toFormValues(mkd), charterAllowsElectronic: true }, mkd);
    expect(m.charterAllowsElectronic).toBeUndefined();
  });

  it('СНТ: the exceptions and «до начала очной части» (mixed form only)', () => {
    const v = { ...toFormValues(snt), charterAllowsElectronic: true, paperUntil: 'session' as const };
    expect(toMeeting(v, snt)).toMatchObject({ charterAllowsElectronic: true, paperUntil: 'session' });
    expect(toMeeting({ ...v, form: 'remote' }, snt).paperUntil).toBeUndefined();
    expect(toMeeting({ ...v, buildingArea: '100' }, snt).buildingArea).toBeUndefined();
  });
});
