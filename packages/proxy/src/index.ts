// @colloquy/proxy: see issue #17. The package is laid out; its handler comes next.
export {};
