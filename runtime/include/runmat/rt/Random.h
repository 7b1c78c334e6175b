//===- runmat/rt/Random.h - The random number generators --------*- C++ -*-===//
//
// One generator state for the whole program, shared by the host builtins
// (rand, randn, randi, randperm, rng) and, later, the GPU backend. Two
// generators exist; docs/rng.md gives every formula in full.
//
// * 'twister' -- MATLAB's own generator, MT19937 (Matsumoto & Nishimura's
//   init_genrand(seed), seed 0 meaning 5489). Its rand stream equals
//   MATLAB's bit for bit: a uniform is genrand_res53,
//   ((a >> 5) * 67108864 + (b >> 6)) / 9007199254740992 from two 32-bit
//   draws a, b, with an exact 0 rejected (MATLAB's interval is open).
//   Its randn is MATLAB's 256-layer ziggurat (see twisterNormal); randi is
//   ceil(u * n) and randperm(n) sorts n uniforms, both as in MATLAB.
//   Twister samples are always made on the host (a GPU uploads them).
//
// * 'lcg' -- RunMat's GPU-reproducible generator (DESIGN.md section 5):
//     state <- state * 6364136223846793005 + 1   (mod 2^64)
//     uniform = (state >> 11) * 2^-53             in [0, 1)
//   The state is advanced BEFORE the output is taken: from a state s0, the
//   j-th uniform (j = 0, 1, ...) is (lcgJump(s0, j + 1) >> 11) * 2^-53 and
//   after n uniforms the state is lcgJump(s0, n). rng(seed) sets
//   s0 = splitMix64(seed). Normals are Box-Muller pairs: normal k of the
//   stream uses uniforms 2p and 2p+1 (p = k / 2):
//     r = sqrt(-2 * log(1 - u[2p])),  t = 2*pi * u[2p+1]
//     normal[2p] = r * cos(t),  normal[2p+1] = r * sin(t)
//   A randn call of n values consumes 2 * ceil(n / 2) uniforms (an odd
//   count drops the last sine). Element k of a rand/randn call is thus
//   lcgUniformAt(s0, k) / lcgNormalAt(s0, k) of the call's starting state:
//   a GPU kernel computes any element directly with lcgJump (O(log k)).
//
// Choices (documented in docs/rng.md):
// * The program starts as after rng('default'), which, as in MATLAB, is
//   'twister' with seed 0: `rand` at start gives 0.814723686393179.
// * rng(seed) and rng('shuffle') select the LCG ("RunMat's default
//   generator", DESIGN.md section 5); rng(seed, 'twister') selects MT19937;
//   rng(seed, 'lcg') (alias 'runmat') the LCG; rng('twister') / rng('lcg')
//   select a generator with seed 0.
// * s = rng is a struct with fields Type ('twister' | 'lcg'), Seed (double)
//   and State: the 625x1 uint32 MT19937 state (mt[0..623] then the index of
//   the next word, 624 after seeding) or, for the LCG, a 2x1 uint32
//   [high 32 bits; low 32 bits] of the 64-bit state. rng(s) restores it.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_RANDOM_H
#define RUNMAT_RT_RANDOM_H

#include <cstdint>
#include <string>

namespace runmat::rt {

// ---- the LCG: formulas shared with the GPU backend -----------------------

constexpr uint64_t kLcgMultiplier = 6364136223846793005ULL;
constexpr uint64_t kLcgIncrement = 1ULL;

/// One LCG step: state * 6364136223846793005 + 1 (mod 2^64).
constexpr uint64_t lcgStep(uint64_t state) {
  return state * kLcgMultiplier + kLcgIncrement;
}

/// The state after k steps from `state`, in O(log k): the affine map
/// x -> A x + C composed with itself k times by repeated squaring
/// (A^k and C (A^(k-1) + ... + A + 1), all mod 2^64).
constexpr uint64_t lcgJump(uint64_t state, uint64_t k) {
  uint64_t accMul = 1, accAdd = 0;
  uint64_t curMul = kLcgMultiplier, curAdd = kLcgIncrement;
  while (k) {
    if (k & 1) {
      accMul *= curMul;
      accAdd = accAdd * curMul + curAdd;
    }
    curAdd = (curMul + 1) * curAdd;
    curMul *= curMul;
    k >>= 1;
  }
  return accMul * state + accAdd;
}

/// The uniform a state yields: (state >> 11) * 2^-53, in [0, 1).
constexpr double lcgToUniform(uint64_t state) {
  return (double)(state >> 11) * (1.0 / 9007199254740992.0);
}

/// Uniform j (0-based) of the stream that starts at `state`:
/// lcgToUniform(lcgJump(state, j + 1)).
constexpr double lcgUniformAt(uint64_t state, uint64_t j) {
  return lcgToUniform(lcgJump(state, j + 1));
}

/// Normal k (0-based) of the randn stream that starts at `state` (the
/// Box-Muller formula above).
double lcgNormalAt(uint64_t state, uint64_t k);

/// The Box-Muller pair from two uniforms: r = sqrt(-2 log(1 - u1)),
/// t = 2 pi u2; *c = r cos t (the even element), *s = r sin t (the odd one).
void boxMuller(double u1, double u2, double *c, double *s);

/// SplitMix64 (Steele, Lea & Flood): z = x + 0x9E3779B97F4A7C15;
/// z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9; z = (z ^ z >> 27) *
/// 0x94D049BB133111EB; return z ^ z >> 31.
constexpr uint64_t splitMix64(uint64_t x) {
  uint64_t z = x + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// The LCG state rng(seed) / rng(seed, 'lcg') sets: splitMix64(seed).
constexpr uint64_t lcgSeedState(uint64_t seed) { return splitMix64(seed); }

// ---- MT19937 (MATLAB's 'twister') ------------------------------------------

struct Mt19937 {
  uint32_t mt[624];
  uint32_t mti = 624; // index of the next word; 624: regenerate first

  /// init_genrand(seed); MATLAB's seed 0 means 5489.
  void seed(uint32_t s);
  /// genrand_int32: the next tempered 32-bit word.
  uint32_t nextWord();
  /// MATLAB's uniform: genrand_res53 from two words, 0 rejected, so in
  /// (0, 1) with 53 random bits.
  double nextUniform();
  /// MATLAB's randn for twister: the 256-layer ziggurat (see docs/rng.md).
  double nextNormal();
};

// ---- the program's generator -------------------------------------------------

enum class RngType : uint8_t { Twister, Lcg };

struct RngState {
  RngType type = RngType::Twister;
  double seed = 0;        // the seed last given (rng's Seed field)
  uint64_t lcg = 0;       // LCG state
  Mt19937 mt;             // twister state
};

/// The generator shared by every builtin (and the GPU backend).
RngState &globalRng();
/// rng('default'): twister, seed 0. The program starts in this state.
void rngReset();
/// rng(seed, type). seed must be an integer in [0, 2^32).
void rngSeed(double seed, RngType type);
/// The name rng reports for a type: "twister" or "lcg".
const char *rngTypeName(RngType t);

/// Draws from the current generator (advancing it): uniforms as rand does,
/// normals as randn does (a call of n normals from the LCG consumes
/// 2*ceil(n/2) uniforms).
void rngFillUniform(double *out, int64_t n);
void rngFillNormal(double *out, int64_t n);
double rngNextUniform();

/// For a GPU kernel generating n values of the LCG stream: returns the
/// current LCG state s0 (element k is lcgUniformAt(s0, k) or
/// lcgNormalAt(s0, k)) and advances the shared state past the n values
/// (by n steps for uniforms, 2*ceil(n/2) for normals). Errors if the
/// current generator is not the LCG (twister samples come from the host).
uint64_t rngReserveLcg(int64_t n, bool normals);

} // namespace runmat::rt

#endif // RUNMAT_RT_RANDOM_H
