// Stream bodies as received, for raw exports byte for byte: one request's bytes in order;
// none for a connection of several requests, one over the cap, or one cleared.
import { describe, expect, it } from 'vitest';
import { WireBodies } from '../../src/model/wire-bodies';

const bytes = (...values: number[]) => new Uint8Array(values);
const alive = () => true;

describe('wire bodies', () => {
  it('holds one request’s body in order, invalid UTF-8 and all', () => {
    const bodies = new WireBodies();
    bodies.add('c', 'r1', bytes(0xef, 0xbb, 0xbf, 0x64), alive);
    bodies.add('c', 'r1', bytes(0x80, 0x0d, 0x0a), alive);
    expect(bodies.exact('c')).toEqual(bytes(0xef, 0xbb, 0xbf, 0x64, 0x80, 0x0d, 0x0a));
    expect(bodies.exact('other')).toBeNull();
  });

  it('has no one body for a connection that reconnected', () => {
    const bodies = new WireBodies();
    bodies.add('c', 'r1', bytes(1), alive);
    bodies.add('c', 'r2', bytes(2), alive);
    expect(bodies.exact('c')).toBeNull();
  });

  it('lets a body go whole over the cap, after the bodies of dropped connections', () => {
    const bodies = new WireBodies(4);
    bodies.add('gone', 'r0', bytes(1, 2, 3), alive);
    bodies.add('c', 'r1', bytes(1, 2), (key) => key !== 'gone');
    expect(bodies.exact('c')).toEqual(bytes(1, 2));
    bodies.add('c', 'r1', bytes(3, 4, 5), alive);
    expect(bodies.exact('c')).toBeNull();
    // Lost for good: later bytes cannot make it whole again.
    bodies.add('c', 'r1', bytes(6), alive);
    expect(bodies.exact('c')).toBeNull();
  });

  it('lets every body go when the capture is cleared', () => {
    const bodies = new WireBodies();
    bodies.add('c', 'r1', bytes(1), alive);
    bodies.clear();
    bodies.add('c', 'r1', bytes(2), alive);
    expect(bodies.exact('c')).toBeNull();
  });
});
