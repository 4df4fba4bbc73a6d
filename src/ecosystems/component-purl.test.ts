import { describe, expect, it } from 'vitest';
import { componentPurl } from './component-purl.js';

describe('component purls', () => {
  it('splits names the way each purl type defines namespaces', () => {
    expect(componentPurl('npm', '@babel/core', '7.24.0')).toBe('pkg:npm/%40babel/core@7.24.0');
    expect(componentPurl('npm', 'left-pad', '1.3.0')).toBe('pkg:npm/left-pad@1.3.0');
    expect(componentPurl('maven', 'org.apache.commons:commons-lang3', '3.14.0')).toBe('pkg:maven/org.apache.commons/commons-lang3@3.14.0');
    expect(componentPurl('golang', 'github.com/gin-gonic/gin', 'v1.9.1')).toBe('pkg:golang/github.com/gin-gonic/gin@v1.9.1');
    expect(componentPurl('golang', 'stdlib', '1.21.0')).toBe('pkg:golang/stdlib@1.21.0');
    expect(componentPurl('composer', 'symfony/console', 'v6.4.0')).toBe('pkg:composer/symfony/console@v6.4.0');
    expect(componentPurl('deb', 'openssl', '3.0.11-1', 'debian')).toBe('pkg:deb/debian/openssl@3.0.11-1');
  });

  it('applies the type normalization and leaves an empty version out', () => {
    expect(componentPurl('pypi', 'Django_REST.framework', '3.0')).toBe('pkg:pypi/django-rest.framework@3.0');
    expect(componentPurl('cargo', 'serde', '')).toBe('pkg:cargo/serde');
  });
});
