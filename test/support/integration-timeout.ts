// Integration tests start real servers and wait on real I/O on a shared 2-core machine.
// The timeout only stops a broken run from hanging; no test asserts on duration.
jest.setTimeout(300_000);
