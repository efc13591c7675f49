import { problem } from '../../shared/result';
import { messagesByField } from './texts';

describe('a form’s messages by field', () => {
  it('puts each message under the field it names, joins several, and the rest under the form', () => {
    expect(
      messagesByField([
        problem('invalid', 'Поле «Дата получения»: нужна дата.', { field: 'Дата получения' }),
        problem('invalid', 'Не позже окончания голосования.', { field: 'Дата получения' }),
        problem('invalid', 'Бюллетень уже отозван.'),
      ]),
    ).toEqual({
      'Дата получения': 'Поле «Дата получения»: нужна дата. Не позже окончания голосования.',
      '': 'Бюллетень уже отозван.',
    });
    expect(messagesByField([])).toEqual({});
  });
});
