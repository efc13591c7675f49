// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { grayPng } from '../../shared/omr/grayPng';
import { CropImage } from './CropImage';

const pixels = { data: Uint8Array.from([0, 64, 128, 255, 10, 20]), width: 3, height: 2 };

/** What the Blob holds (jsdom's Blob has no arrayBuffer()). */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(blob);
  });

describe('CropImage', () => {
  const made: Blob[] = [];
  const revoked: string[] = [];
  const real = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  beforeEach(() => {
    made.length = 0;
    revoked.length = 0;
    URL.createObjectURL = (b: Blob | MediaSource) => `blob:crop-${made.push(b as Blob)}`;
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
  });
  afterEach(() => {
    URL.createObjectURL = real.create;
    URL.revokeObjectURL = real.revoke;
  });

  it("shows its part of the stack's crop file through an object URL, revoked when the card closes", async () => {
    const png = grayPng(pixels);
    const crops = new Blob([new Uint8Array([1, 2, 3]), png as Uint8Array<ArrayBuffer>, new Uint8Array([9])]);
    const view = render(
      <CropImage crop={{ from: 3, to: 3 + png.length }} crops={crops} label="Скан: a.pdf:1" />,
    );
    const img = screen.getByRole('img', { name: 'Скан: a.pdf:1' });
    await vi.waitFor(() => expect(img).toHaveAttribute('src', 'blob:crop-1'));
    expect(made[0]!.type).toBe('image/png');
    expect(await bytesOf(made[0]!)).toEqual(png);
    view.unmount();
    expect(revoked).toEqual(['blob:crop-1']);
  });

  it('a crop stored as pixels is shown as the PNG file of them', async () => {
    render(<CropImage crop={pixels} crops={undefined} label="Скан: a.pdf:2" />);
    await vi.waitFor(() => expect(screen.getByRole('img')).toHaveAttribute('src', 'blob:crop-1'));
    expect(await bytesOf(made[0]!)).toEqual(grayPng(pixels));
  });
});
