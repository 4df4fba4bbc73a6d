import { describe, expect, it } from 'vitest';
import { dockerfilesOf, isDockerfile, isDockerfileName, isTemplateFile, isVendored } from './dockerfiles.js';
import { collectDockerImages } from './pinned-docker.js';
import { memoryRepository } from './repository.js';

const compat = { scorecardCompat: true };

describe('Dockerfiles of a repository', () => {
  it('finds Dockerfiles by name and leaves out vendored files, templates, scripts and sources', () => {
    expect(isDockerfileName('build/app.dockerfile')).toBe(true);
    expect(isDockerfileName('Dockerfile.prod')).toBe(true);
    expect(isVendored('third_party/x/Dockerfile')).toBe(true);
    expect(isVendored('a/vendor_/Dockerfile')).toBe(false);
    expect(isTemplateFile('Dockerfile.tmpl')).toBe(true);
    expect(isDockerfile('Dockerfile.go', 'FROM x')).toBe(false);
    expect(isDockerfile('dockerfile-build', '#!/bin/sh\nFROM x')).toBe(false);
    const files = memoryRepository({ 'Dockerfile.template': 'FROM node:20\n', 'vendor/Dockerfile': 'FROM node:20\n', 'Dockerfile.md': '# notes\n' });
    expect(collectDockerImages(files, compat).dependencies).toEqual([]);
  });

  it('reads each Dockerfile once per listing', () => {
    const files = memoryRepository({ 'Dockerfile': 'FROM x\n', 'README.md': '# hi\n' });
    expect(dockerfilesOf(files)).toBe(dockerfilesOf(files));
    expect(dockerfilesOf(files).map((entry) => entry.path)).toEqual(['Dockerfile']);
  });
});
