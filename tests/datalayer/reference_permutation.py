#!/usr/bin/env python3
"""Independent reference for core/data/permutation.cpp, used to derive the expected values in
test_dataset_splits.cpp: MT19937-64 as published by Matsumoto and Nishimura, rejection sampling
for an unbiased index, and Fisher-Yates from the last position down."""
class MT64:
    def __init__(self, seed):
        self.mt = [0]*312; self.mt[0] = seed & 0xFFFFFFFFFFFFFFFF
        for i in range(1, 312):
            self.mt[i] = (6364136223846793005 * (self.mt[i-1] ^ (self.mt[i-1] >> 62)) + i) & 0xFFFFFFFFFFFFFFFF
        self.i = 312
    def next(self):
        if self.i >= 312:
            UM, LM = 0xFFFFFFFF80000000, 0x7FFFFFFF
            for k in range(312):
                x = (self.mt[k] & UM) | (self.mt[(k+1) % 312] & LM)
                xa = x >> 1
                if x & 1: xa ^= 0xB5026F5AA96619E9
                self.mt[k] = self.mt[(k+156) % 312] ^ xa
            self.i = 0
        x = self.mt[self.i]; self.i += 1
        x ^= (x >> 29) & 0x5555555555555555
        x ^= (x << 17) & 0x71D67FFFEDA60000
        x ^= (x << 37) & 0xFFF7EEE000000000
        x ^= x >> 43
        return x & 0xFFFFFFFFFFFFFFFF
M = 2**64 - 1
def perm(n, seed):
    e = MT64(seed); order = list(range(n))
    for i in range(n, 1, -1):
        limit = M - M % i
        v = e.next()
        while v >= limit: v = e.next()
        j = v % i
        order[i-1], order[j] = order[j], order[i-1]
    return order

if __name__ == "__main__":
    engine = MT64(5489)
    for _ in range(9999):
        engine.next()
    assert engine.next() == 9981545732273789042  # the C++ standard's check value for mt19937_64
    print("perm(10, 13) =", perm(10, 13))
    order = perm(100, 5)
    print("split of 100 rows, seed 5: dev =", sorted(order[:10]), "test =", sorted(order[10:30]))
    print("perm(7, 42) =", perm(7, 42))
