import { describe, expect, it } from 'vitest';
import { siteOf } from '../../src/model/top-level-site';

describe('siteOf: the schemeful site under the Public Suffix List', () => {
  it('keeps the registrable domain under ICANN suffixes of any depth', () => {
    expect(siteOf('https://www.bbc.co.uk/')).toBe('https://bbc.co.uk');
    // `*.kawasaki.jp` is a wildcard rule with the exception `!city.kawasaki.jp`.
    expect(siteOf('https://x.y.nakahara.kawasaki.jp/')).toBe('https://y.nakahara.kawasaki.jp');
    expect(siteOf('https://a.b.city.kawasaki.jp/')).toBe('https://city.kawasaki.jp');
    expect(siteOf('https://shop.example.com.ar/')).toBe('https://example.com.ar');
  });

  it('counts private registries, as Chrome does for sites', () => {
    expect(siteOf('https://bucket.s3.amazonaws.com/x')).toBe('https://bucket.s3.amazonaws.com');
    expect(siteOf('https://app.someone.blogspot.com/')).toBe('https://someone.blogspot.com');
    expect(siteOf('https://x.user.github.io/')).toBe('https://user.github.io');
  });

  it('treats a host that is itself a public suffix as its own site', () => {
    expect(siteOf('https://github.io/')).toBe('https://github.io');
  });

  it('keeps IP addresses and single-label hosts their own site', () => {
    expect(siteOf('http://10.1.2.3:8080/')).toBe('http://10.1.2.3');
    expect(siteOf('http://[::1]:8080/')).toBe('http://[::1]');
    expect(siteOf('http://intranet/')).toBe('http://intranet');
  });

  it('keeps the scheme: http and https of one domain are different sites', () => {
    expect(siteOf('http://a.example.com/')).toBe('http://example.com');
    expect(siteOf('https://a.example.com/')).toBe('https://example.com');
  });
});
