//===- Random.cpp - rand, randn, randi, randperm and rng ------------------===//
//
// The program's random number generator (runmat/rt/Random.h) and the
// builtins on top of it. Two generators: MATLAB's MT19937 'twister' (the
// start-up and rng('default') generator, MATLAB's exact rand stream) and
// RunMat's 64-bit LCG (rng(seed): element k of any call is computable
// directly, so GPU kernels reproduce the host stream). docs/rng.md has every
// formula and the deviations from MATLAB.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Random.h"
#include "runmat/rt/abi.h"

#include <immintrin.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <numeric>
#include <unordered_map>

namespace runmat::rt {

using namespace support;

// ---- MT19937 -----------------------------------------------------------------

void Mt19937::seed(uint32_t s) {
  mt[0] = s == 0 ? 5489u : s;
  for (uint32_t i = 1; i < 624; ++i)
    mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
  mti = 624;
}

uint32_t Mt19937::nextWord() {
  if (mti >= 624) {
    auto twist = [](uint32_t hi, uint32_t lo) {
      uint32_t y = (hi & 0x80000000u) | (lo & 0x7fffffffu);
      return (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    };
    int k = 0;
    for (; k < 624 - 397; ++k)
      mt[k] = mt[k + 397] ^ twist(mt[k], mt[k + 1]);
    for (; k < 623; ++k)
      mt[k] = mt[k + (397 - 624)] ^ twist(mt[k], mt[k + 1]);
    mt[623] = mt[396] ^ twist(mt[623], mt[0]);
    mti = 0;
  }
  uint32_t y = mt[mti++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

double Mt19937::nextUniform() {
  for (;;) {
    uint32_t a = nextWord() >> 5, b = nextWord() >> 6;
    double r = ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
    if (r != 0.0)
      return r;
  }
}

namespace {

// MATLAB's ziggurat for twister normals: 256 layers of equal area under
// f(x) = exp(-x^2/2). kZigX[i] is the right edge of layer i (kZigX[255] is
// the tail start R = 3.65415288536101, kZigX[256] = V / f(R) the width of the
// base layer), kZigF[i] = f(kZigX[i]). The values are MATLAB's own tables as
// published, to 15 significant digits, in its code-generation library
// (eml_rand_mt19937ar); they differ from the mathematically exact layer
// edges by up to ~3e-14 near the top, and reproducing MATLAB needs them.
const double kZigX[257] = {
    0.0, 0.215241895984875, 0.286174591792068, 0.335737519214422,
    0.375121332878378, 0.408389134611989, 0.43751840220787, 0.46363433679088,
    0.487443966139235, 0.50942332960209, 0.529909720661557, 0.549151702327164,
    0.567338257053817, 0.584616766106378, 0.601104617755991, 0.61689699000775,
    0.63207223638606, 0.646695714894993, 0.660822574244419, 0.674499822837293,
    0.687767892795788, 0.700661841106814, 0.713212285190975, 0.725446140909999,
    0.737387211434295, 0.749056662017815, 0.760473406430107, 0.771654424224568,
    0.782615023307232, 0.793369058840623, 0.80392911698997, 0.814306670135215,
    0.824512208752291, 0.834555354086381, 0.844444954909153, 0.854189171008163,
    0.863795545553308, 0.87327106808886, 0.882622229585165, 0.891855070732941,
    0.900975224461221, 0.909987953496718, 0.91889818364959, 0.927710533401999,
    0.936429340286575, 0.945058684468165, 0.953602409881086, 0.96206414322304,
    0.970447311064224, 0.978755155294224, 0.986990747099062, 0.99515699963509,
    1.00325667954467, 1.01129241744, 1.01926671746548, 1.02718196603564,
    1.03504043983344, 1.04284431314415, 1.05059566459093, 1.05829648333067,
    1.06594867476212, 1.07355406579244, 1.0811144097034, 1.08863139065398,
    1.09610662785202, 1.10354167942464, 1.11093804601357, 1.11829717411934,
    1.12562045921553, 1.13290924865253, 1.14016484436815, 1.14738850542085,
    1.15458145035993, 1.16174485944561, 1.16887987673083, 1.17598761201545,
    1.18306914268269, 1.19012551542669, 1.19715774787944, 1.20416683014438,
    1.2111537262437, 1.21811937548548, 1.22506469375653, 1.23199057474614,
    1.23889789110569, 1.24578749554863, 1.2526602218949, 1.25951688606371,
    1.26635828701823, 1.27318520766536, 1.27999841571382, 1.28679866449324,
    1.29358669373695, 1.30036323033084, 1.30712898903073, 1.31388467315022,
    1.32063097522106, 1.32736857762793, 1.33409815321936, 1.3408203658964,
    1.34753587118059, 1.35424531676263, 1.36094934303328, 1.36764858359748,
    1.37434366577317, 1.38103521107586, 1.38772383568998, 1.39441015092814,
    1.40109476367925, 1.4077782768464, 1.41446128977547, 1.42114439867531,
    1.42782819703026, 1.43451327600589, 1.44120022484872, 1.44788963128058,
    1.45458208188841, 1.46127816251028, 1.46797845861808, 1.47468355569786,
    1.48139403962819, 1.48811049705745, 1.49483351578049, 1.50156368511546,
    1.50830159628131, 1.51504784277671, 1.521803020761, 1.52856772943771,
    1.53534257144151, 1.542128153229, 1.54892508547417, 1.55573398346918,
    1.56255546753104, 1.56939016341512, 1.57623870273591, 1.58310172339603,
    1.58997987002419, 1.59687379442279, 1.60378415602609, 1.61071162236983,
    1.61765686957301, 1.62462058283303, 1.63160345693487, 1.63860619677555,
    1.64562951790478, 1.65267414708306, 1.65974082285818, 1.66683029616166,
    1.67394333092612, 1.68108070472517, 1.68824320943719, 1.69543165193456,
    1.70264685479992, 1.7098896570713, 1.71716091501782, 1.72446150294804,
    1.73179231405296, 1.73915426128591, 1.74654827828172, 1.75397532031767,
    1.76143636531891, 1.76893241491127, 1.77646449552452, 1.78403365954944,
    1.79164098655216, 1.79928758454972, 1.80697459135082, 1.81470317596628,
    1.82247454009388, 1.83028991968276, 1.83815058658281, 1.84605785028518,
    1.8540130597602, 1.86201760539967, 1.87007292107127, 1.878180486293,
    1.88634182853678, 1.8945585256707, 1.90283220855043, 1.91116456377125,
    1.91955733659319, 1.92801233405266, 1.93653142827569, 1.94511656000868,
    1.95376974238465, 1.96249306494436, 1.97128869793366, 1.98015889690048,
    1.98910600761744, 1.99813247135842, 2.00724083056053, 2.0164337349062,
    2.02571394786385, 2.03508435372962, 2.04454796521753, 2.05410793165065,
    2.06376754781173, 2.07353026351874, 2.0833996939983, 2.09337963113879,
    2.10347405571488, 2.11368715068665, 2.12402331568952, 2.13448718284602,
    2.14508363404789, 2.15581781987674, 2.16669518035431, 2.17772146774029,
    2.18890277162636, 2.20024554661128, 2.21175664288416, 2.22344334009251,
    2.23531338492992, 2.24737503294739, 2.25963709517379, 2.27210899022838,
    2.28480080272449, 2.29772334890286, 2.31088825060137, 2.32430801887113,
    2.33799614879653, 2.35196722737914, 2.36623705671729, 2.38082279517208,
    2.39574311978193, 2.41101841390112, 2.42667098493715, 2.44272531820036,
    2.4592083743347, 2.47614993967052, 2.49358304127105, 2.51154444162669,
    2.53007523215985, 2.54922155032478, 2.56903545268184, 2.58957598670829,
    2.61091051848882, 2.63311639363158, 2.65628303757674, 2.68051464328574,
    2.70593365612306, 2.73268535904401, 2.76094400527999, 2.79092117400193,
    2.82287739682644, 2.85713873087322, 2.89412105361341, 2.93436686720889,
    2.97860327988184, 3.02783779176959, 3.08352613200214, 3.147889289518,
    3.2245750520478, 3.32024473383983, 3.44927829856143, 3.65415288536101,
    3.91075795952492,
};

const double kZigF[257] = {
    1.0, 0.977101701267673, 0.959879091800108, 0.9451989534423,
    0.932060075959231, 0.919991505039348, 0.908726440052131, 0.898095921898344,
    0.887984660755834, 0.878309655808918, 0.869008688036857, 0.860033621196332,
    0.851346258458678, 0.842915653112205, 0.834716292986884, 0.826726833946222,
    0.818929191603703, 0.811307874312656, 0.803849483170964, 0.796542330422959,
    0.789376143566025, 0.782341832654803, 0.775431304981187, 0.768637315798486,
    0.761953346836795, 0.755373506507096, 0.748892447219157, 0.742505296340151,
    0.736207598126863, 0.729995264561476, 0.72386453346863, 0.717811932630722,
    0.711834248878248, 0.705928501332754, 0.700091918136512, 0.694321916126117,
    0.688616083004672, 0.682972161644995, 0.677388036218774, 0.671861719897082,
    0.66639134390875, 0.660975147776663, 0.655611470579697, 0.650298743110817,
    0.645035480820822, 0.639820277453057, 0.634651799287624, 0.629528779924837,
    0.624450015547027, 0.619414360605834, 0.614420723888914, 0.609468064925773,
    0.604555390697468, 0.599681752619125, 0.594846243767987, 0.590047996332826,
    0.585286179263371, 0.580559996100791, 0.575868682972354, 0.571211506735253,
    0.566587763256165, 0.561996775814525, 0.557437893618766, 0.552910490425833,
    0.548413963255266, 0.543947731190026, 0.539511234256952, 0.535103932380458,
    0.530725304403662, 0.526374847171684, 0.522052074672322, 0.517756517229756,
    0.513487720747327, 0.509245245995748, 0.505028667943468, 0.500837575126149,
    0.49667156905249, 0.492530263643869, 0.488413284705458, 0.484320269426683,
    0.480250865909047, 0.476204732719506, 0.47218153846773, 0.468180961405694,
    0.464202689048174, 0.460246417812843, 0.456311852678716, 0.452398706861849,
    0.448506701507203, 0.444635565395739, 0.440785034665804, 0.436954852547985,
    0.433144769112652, 0.429354541029442, 0.425583931338022, 0.421832709229496,
    0.418100649837848, 0.414387534040891, 0.410693148270188, 0.407017284329473,
    0.403359739221114, 0.399720314980197, 0.396098818515832, 0.392495061459315,
    0.388908860018789, 0.385340034840077, 0.381788410873393, 0.378253817245619,
    0.374736087137891, 0.371235057668239, 0.367750569779032, 0.364282468129004,
    0.360830600989648, 0.357394820145781, 0.353974980800077, 0.350570941481406,
    0.347182563956794, 0.343809713146851, 0.340452257044522, 0.337110066637006,
    0.333783015830718, 0.330470981379163, 0.327173842813601, 0.323891482376391,
    0.320623784956905, 0.317370638029914, 0.314131931596337, 0.310907558126286,
    0.307697412504292, 0.30450139197665, 0.301319396100803, 0.298151326696685,
    0.294997087799962, 0.291856585617095, 0.288729728482183, 0.285616426815502,
    0.282516593083708, 0.279430141761638, 0.276356989295668, 0.273297054068577,
    0.270250256365875, 0.267216518343561, 0.264195763997261, 0.261187919132721,
    0.258192911337619, 0.255210669954662, 0.252241126055942, 0.249284212418529,
    0.246339863501264, 0.24340801542275, 0.240488605940501, 0.237581574431238,
    0.23468686187233, 0.231804410824339, 0.228934165414681, 0.226076071322381,
    0.223230075763918, 0.220396127480152, 0.217574176724331, 0.214764175251174,
    0.211966076307031, 0.209179834621125, 0.206405406397881, 0.203642749310335,
    0.200891822494657, 0.198152586545776, 0.195425003514135, 0.192709036903589,
    0.190004651670465, 0.187311814223801, 0.1846304924268, 0.181960655599523,
    0.179302274522848, 0.176655321443735, 0.174019770081839, 0.171395595637506,
    0.168782774801212, 0.166181285764482, 0.163591108232366, 0.161012223437511,
    0.158444614155925, 0.15588826472448, 0.153343161060263, 0.150809290681846,
    0.148286642732575, 0.145775208005994, 0.143274978973514, 0.140785949814445,
    0.138308116448551, 0.135841476571254, 0.133386029691669, 0.130941777173644,
    0.12850872228, 0.126086870220186, 0.123676228201597, 0.12127680548479,
    0.11888861344291, 0.116511665625611, 0.114145977827839, 0.111791568163838,
    0.109448457146812, 0.107116667774684, 0.104796225622487, 0.102487158941935,
    0.10018949876881, 0.0979032790388625, 0.095628536713009, 0.093365311912691,
    0.0911136480663738, 0.0888735920682759, 0.0866451944505581,
    0.0844285095703535, 0.082223595813203, 0.0800305158146631,
    0.0778493367020961, 0.0756801303589272, 0.0735229737139814,
    0.0713779490588905, 0.0692451443970068, 0.0671246538277886,
    0.065016577971243, 0.0629210244377582, 0.06083810834954,
    0.0587679529209339, 0.0567106901062031, 0.0546664613248891,
    0.0526354182767924, 0.0506177238609479, 0.0486135532158687,
    0.0466230949019305, 0.0446465522512946, 0.0426841449164746,
    0.0407361106559411, 0.0388027074045262, 0.0368842156885674,
    0.0349809414617162, 0.0330932194585786, 0.0312214171919203,
    0.0293659397581334, 0.0275272356696031, 0.0257058040085489,
    0.0239022033057959, 0.0221170627073089, 0.0203510962300445,
    0.0186051212757247, 0.0168800831525432, 0.0151770883079353,
    0.0134974506017399, 0.0118427578579079, 0.0102149714397015,
    0.00861658276939875, 0.00705087547137324, 0.00552240329925101,
    0.00403797259336304, 0.00260907274610216, 0.0012602859304986,
    0.000477467764609386,
};

constexpr double kZigR = 3.65415288536101;       // kZigX[255]
constexpr double kZigInvR = 0.273661237329758;   // 1 / kZigR

} // namespace

double Mt19937::nextNormal() {
  for (;;) {
    uint32_t a = nextWord(), b = nextWord();
    int i = (int)(b >> 24) + 1; // layer 1..256
    // 53 random bits: a's top 29 and b's low 24, scaled to [-1, 1).
    double u = ((double)(a >> 3) * 16777216.0 + (double)(b & 0xffffffu)) *
                   (1.0 / 4503599627370496.0) -
               1.0;
    double x = u * kZigX[i];
    if (std::fabs(x) <= kZigX[i - 1])
      return x; // inside the layer's rectangle
    if (i < 256) {
      // The wedge between the rectangle and the curve.
      double v = nextUniform();
      if ((kZigF[i - 1] - kZigF[i]) * v + kZigF[i] < std::exp(-0.5 * x * x))
        return x;
      continue;
    }
    // The tail beyond R (Marsaglia's method).
    double t;
    for (;;) {
      t = std::log(nextUniform()) * kZigInvR; // t < 0
      double w = nextUniform();
      if (-2.0 * std::log(w) > t * t)
        break;
    }
    return x < 0 ? t - kZigR : kZigR - t;
  }
}

// ---- the LCG -------------------------------------------------------------------

namespace {
constexpr double kTwoPi = 6.283185307179586; // 2*pi rounded to double
} // namespace

// Box-Muller on four pairs at once with glibc's libmvec (AVX2): r =
// sqrt(-2 log(1 - u1)), t = 2 pi u2, (r cos t, r sin t). Every normal of
// the LCG goes through this function (lane by lane results do not depend
// on the other lanes), so a single normal computed by jump-ahead equals the
// same element of a bulk fill bit for bit. Without AVX2, libm's scalar
// functions (within a few ulp of libmvec's).
extern "C" {
__attribute__((target("avx2"))) __m256d _ZGVdN4v_log(__m256d);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_sin(__m256d);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_cos(__m256d);
}

namespace {
bool haveAvx2() {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}

__attribute__((target("avx2"))) void boxMuller4Avx2(const double *u1,
                                                    const double *u2,
                                                    double *c, double *s) {
  __m256d x = _mm256_sub_pd(_mm256_set1_pd(1.0), _mm256_loadu_pd(u1));
  __m256d r = _mm256_sqrt_pd(
      _mm256_mul_pd(_mm256_set1_pd(-2.0), _ZGVdN4v_log(x)));
  __m256d t = _mm256_mul_pd(_mm256_set1_pd(kTwoPi), _mm256_loadu_pd(u2));
  _mm256_storeu_pd(c, _mm256_mul_pd(r, _ZGVdN4v_cos(t)));
  _mm256_storeu_pd(s, _mm256_mul_pd(r, _ZGVdN4v_sin(t)));
}

void boxMuller4(const double *u1, const double *u2, double *c, double *s) {
  if (haveAvx2())
    return boxMuller4Avx2(u1, u2, c, s);
  for (int k = 0; k < 4; ++k) {
    double r = std::sqrt(-2.0 * std::log(1.0 - u1[k]));
    double t = kTwoPi * u2[k];
    c[k] = r * std::cos(t);
    s[k] = r * std::sin(t);
  }
}

/// Normals k0 .. k0+n-1 (k0 even) of the stream after `state`, written to
/// out[0 .. n-1].
void lcgNormals(uint64_t state, int64_t k0, int64_t n, double *out) {
  uint64_t st = lcgJump(state, (uint64_t)k0);
  double u1[4], u2[4], c[4], sn[4];
  for (int64_t k = 0; k < n; k += 8) {
    for (int j = 0; j < 4; ++j) {
      uint64_t s1 = lcgStep(st), s2 = lcgStep(s1);
      st = s2;
      u1[j] = lcgToUniform(s1);
      u2[j] = lcgToUniform(s2);
    }
    boxMuller4(u1, u2, c, sn);
    int64_t m = std::min<int64_t>(8, n - k);
    for (int j = 0; j < m; ++j)
      out[k + j] = (j & 1) ? sn[j >> 1] : c[j >> 1];
  }
}

struct NormalJob {
  uint64_t state;
  double *out;
};

void normalChunk(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<NormalJob *>(ctx);
  lcgNormals(job->state, begin, end - begin, job->out + begin);
}
} // namespace

void boxMuller(double u1, double u2, double *c, double *s) {
  double a[4] = {u1, 0.5, 0.5, 0.5}, b[4] = {u2, 0.5, 0.5, 0.5}, cc[4], ss[4];
  boxMuller4(a, b, cc, ss);
  *c = cc[0];
  *s = ss[0];
}

double lcgNormalAt(uint64_t state, uint64_t k) {
  uint64_t p = k >> 1;
  uint64_t s1 = lcgJump(state, 2 * p + 1); // the state giving uniform 2p
  uint64_t s2 = lcgStep(s1);               // uniform 2p+1
  double c, s;
  boxMuller(lcgToUniform(s1), lcgToUniform(s2), &c, &s);
  return (k & 1) ? s : c;
}

// ---- the shared generator ------------------------------------------------------

RngState &globalRng() {
  static RngState *g = [] {
    auto *s = new RngState;
    s->type = RngType::Twister;
    s->seed = 0;
    s->mt.seed(0);
    s->lcg = lcgSeedState(0);
    return s;
  }();
  return *g;
}

void rngReset() { rngSeed(0, RngType::Twister); }

void rngSeed(double seed, RngType type) {
  if (!(seed >= 0) || seed != std::floor(seed) || seed >= 4294967296.0)
    throwErrorIn("rng", "MATLAB:rng:badSeed",
                 "The seed must be a nonnegative integer less than 2^32.");
  RngState &g = globalRng();
  g.type = type;
  g.seed = seed;
  if (type == RngType::Twister)
    g.mt.seed((uint32_t)seed);
  else
    g.lcg = lcgSeedState((uint64_t)seed);
}

const char *rngTypeName(RngType t) {
  return t == RngType::Twister ? "twister" : "lcg";
}

double rngNextUniform() {
  RngState &g = globalRng();
  if (g.type == RngType::Twister)
    return g.mt.nextUniform();
  g.lcg = lcgStep(g.lcg);
  return lcgToUniform(g.lcg);
}

void rngFillUniform(double *out, int64_t n) {
  RngState &g = globalRng();
  if (g.type == RngType::Twister) {
    for (int64_t k = 0; k < n; ++k)
      out[k] = g.mt.nextUniform();
    return;
  }
  uint64_t s = g.lcg;
  for (int64_t k = 0; k < n; ++k) {
    s = lcgStep(s);
    out[k] = lcgToUniform(s);
  }
  g.lcg = s;
}

void rngFillNormal(double *out, int64_t n) {
  RngState &g = globalRng();
  if (g.type == RngType::Twister) {
    for (int64_t k = 0; k < n; ++k)
      out[k] = g.mt.nextNormal();
    return;
  }
  // Chunks start at even elements (multiples of 64), each from its own
  // jump-ahead state: split across threads for large n, the same numbers.
  NormalJob job{g.lcg, out};
  rm_parallel_for(n, 16384, normalChunk, &job);
  g.lcg = lcgJump(g.lcg, 2 * (uint64_t)((n + 1) / 2));
}

uint64_t rngReserveLcg(int64_t n, bool normals) {
  RngState &g = globalRng();
  if (g.type != RngType::Lcg)
    throwError("RunMat:rng:notLcg",
               "The current generator is not the LCG; its samples are made "
               "on the host.");
  uint64_t s0 = g.lcg;
  uint64_t steps = (uint64_t)std::max<int64_t>(n, 0);
  if (normals)
    steps = 2 * ((steps + 1) / 2);
  g.lcg = lcgJump(s0, steps);
  return s0;
}

// ---- argument parsing ------------------------------------------------------------

namespace {

/// One size value: integer-valued (negative clamps to 0), finite.
int64_t sizeValue(double x) {
  if (std::isnan(x))
    throwError("MATLAB:NonIntegerInput", "Size inputs must be integers.");
  if (std::isinf(x)) {
    if (x < 0)
      return 0;
    sizeLimit();
  }
  if (x != std::floor(x))
    throwError("MATLAB:NonIntegerInput", "Size inputs must be integers.");
  if (x <= 0)
    return 0;
  if (x > 9.0e15)
    sizeLimit();
  return (int64_t)x;
}

bool isSizeLike(const Value &v) {
  return (isNumericClass(v.cls) || v.cls == ClassId::Logical) && !hasImag(v);
}

/// Dims from size arguments args[first..last): none -> 1x1, n -> nxn,
/// m,n,... or [m n ...] (as zeros/ones do).
Dims sizesFrom(const Args &args, size_t first, size_t last) {
  size_t n = last - first;
  if (n == 0)
    return Dims{1, 1};
  for (size_t i = first; i < last; ++i)
    if (args[i]->cls == ClassId::Char)
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
  if (n == 1) {
    const Value &v = *args[first];
    if (!isSizeLike(v))
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
    if (v.numel() == 1) {
      int64_t s = sizeValue(v.re[0]);
      return Dims{s, s};
    }
    if (v.isEmpty())
      return Dims{0, 0};
    if (!v.isRow())
      throwError("MATLAB:getdimarg:invalidDimsInput",
                 "Size vector must be a row vector with real elements.");
    Dims d;
    for (double x : v.re)
      d.push_back(sizeValue(x));
    if (d.size() == 1)
      d.push_back(d[0]);
    return d;
  }
  Dims d;
  for (size_t i = first; i < last; ++i) {
    const Value &v = *args[i];
    if (!isSizeLike(v))
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
    if (v.numel() != 1)
      throwError("MATLAB:NonScalarInput", "Size inputs must be scalar.");
    d.push_back(sizeValue(v.re[0]));
  }
  return d;
}

bool classFromName(const std::string &s, ClassId &out) {
  static const struct {
    const char *name;
    ClassId cls;
  } names[] = {{"double", ClassId::Double},  {"single", ClassId::Single},
               {"int8", ClassId::Int8},      {"uint8", ClassId::UInt8},
               {"int16", ClassId::Int16},    {"uint16", ClassId::UInt16},
               {"int32", ClassId::Int32},    {"uint32", ClassId::UInt32},
               {"int64", ClassId::Int64},    {"uint64", ClassId::UInt64},
               {"logical", ClassId::Logical}};
  for (const auto &n : names)
    if (s == n.name) {
      out = n.cls;
      return true;
    }
  return false;
}

struct RandSpec {
  Dims dims;
  ClassId cls = ClassId::Double;
  bool complex = false;
};

/// Parses `sizes..., [typename | 'like', p]` from args[first..]. `integers`
/// admits the integer classes and logical (randi); otherwise only double
/// and single.
RandSpec parseRand(const char *fn, const Args &args, size_t first,
                   bool integers) {
  RandSpec spec;
  size_t n = args.size();
  if (!integers)
    for (size_t i = first; i < n; ++i)
      if (textIs(*args[i], "seed") || textIs(*args[i], "state") ||
          textIs(*args[i], "twister"))
        throwError("RunMat:rand:legacySyntax",
                   "The '%s' input to %s is not supported; use rng instead.",
                   textOf(*args[i]).c_str(), fn);
  auto allowed = [&](ClassId c) {
    return integers ? (isNumericClass(c) || c == ClassId::Logical)
                    : isFloatClass(c);
  };
  if (n >= first + 2 && textIs(*args[n - 2], "like")) {
    const Value &p = *args[n - 1];
    if (!allowed(p.cls))
      throwError("MATLAB:invalidLikeInput",
                 "Invalid data type for 'like' input to %s.", fn);
    spec.cls = p.cls;
    spec.complex = hasImag(p) || p.complex;
    if (spec.complex && integers)
      throwError("MATLAB:invalidLikeInput",
                 "Complex input following 'like' is not supported by %s.", fn);
    n -= 2;
  } else if (n >= first + 1 && args[n - 1]->cls == ClassId::Char) {
    std::string name = textOf(*args[n - 1]);
    ClassId c;
    if (!classFromName(name, c) || !allowed(c))
      throwError("MATLAB:unsupportedClassName",
                 "Class name '%s' is not supported by %s.", name.c_str(), fn);
    spec.cls = c;
    --n;
  }
  spec.dims = sizesFrom(args, first, n);
  normalizeDims(spec.dims);
  checkedNumel(spec.dims);
  return spec;
}

/// Rounds uniforms to single, keeping them below 1 (a double just under 1
/// would round up to 1.0f).
void uniformsToSingle(std::vector<double> &v) {
  const double below1 = (double)std::nextafter(1.0f, 0.0f);
  for (double &x : v) {
    x = (double)(float)x;
    if (x >= 1.0)
      x = below1;
  }
}

} // namespace

// ---- rand / randn ------------------------------------------------------------------

Args bi_rand(int, const Args &args) {
  RandSpec spec = parseRand("rand", args, 0, false);
  ValueRef r = newArray(spec.cls, spec.dims, spec.complex);
  int64_t n = r->numel();
  if (spec.complex) {
    // Element k takes uniforms 2k (real part) and 2k+1 (imaginary part).
    std::vector<double> u((size_t)(2 * n));
    rngFillUniform(u.data(), 2 * n);
    for (int64_t k = 0; k < n; ++k) {
      r->re[(size_t)k] = u[(size_t)(2 * k)];
      r->im[(size_t)k] = u[(size_t)(2 * k + 1)];
    }
  } else {
    rngFillUniform(r->re.data(), n);
  }
  if (spec.cls == ClassId::Single) {
    uniformsToSingle(r->re);
    if (spec.complex)
      uniformsToSingle(r->im);
  }
  return {r};
}

Args bi_randn(int, const Args &args) {
  RandSpec spec = parseRand("randn", args, 0, false);
  ValueRef r = newArray(spec.cls, spec.dims, spec.complex);
  int64_t n = r->numel();
  if (spec.complex) {
    // Element k takes normals 2k and 2k+1, each scaled by 1/sqrt(2) so that
    // the complex value has unit variance.
    std::vector<double> z((size_t)(2 * n));
    rngFillNormal(z.data(), 2 * n);
    const double h = std::sqrt(0.5);
    for (int64_t k = 0; k < n; ++k) {
      r->re[(size_t)k] = z[(size_t)(2 * k)] * h;
      r->im[(size_t)k] = z[(size_t)(2 * k + 1)] * h;
    }
  } else {
    rngFillNormal(r->re.data(), n);
  }
  if (spec.cls == ClassId::Single) {
    castData(r->re, ClassId::Single);
    if (spec.complex)
      castData(r->im, ClassId::Single);
  }
  return {r};
}

// ---- randi ---------------------------------------------------------------------------

Args bi_randi(int, const Args &args) {
  const Value &lim = *args[0];
  auto badLimits = [] {
    throwError("MATLAB:randi:invalidLimits",
               "The first input must be a positive scalar integer value IMAX, "
               "or two integer values [IMIN IMAX] with IMIN less than or "
               "equal to IMAX.");
  };
  if (!isSizeLike(lim) || (lim.numel() != 1 && lim.numel() != 2))
    badLimits();
  double lo = 1, hi;
  if (lim.numel() == 1) {
    hi = lim.re[0];
  } else {
    lo = lim.re[0];
    hi = lim.re[1];
  }
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo != std::floor(lo) ||
      hi != std::floor(hi) || lo > hi || (lim.numel() == 1 && hi < 1))
    badLimits();
  if (hi - lo >= 9007199254740992.0 || std::fabs(lo) > 9007199254740992.0 ||
      std::fabs(hi) > 9007199254740992.0)
    throwError("MATLAB:randi:invalidRange",
               "The range IMAX-IMIN must be less than 2^53.");
  RandSpec spec = parseRand("randi", args, 1, true);
  if (isIntegerClass(spec.cls) || spec.cls == ClassId::Logical) {
    // The limits must be representable in the requested class.
    if (castValue(lo, spec.cls) != lo || castValue(hi, spec.cls) != hi)
      throwError("MATLAB:randi:limitsOutOfRange",
                 "IMIN and IMAX must be within the range of the output class "
                 "'%s'.",
                 className(spec.cls));
  } else if (spec.cls == ClassId::Single &&
             (std::fabs(lo) > 16777216.0 || std::fabs(hi) > 16777216.0)) {
    throwError("MATLAB:randi:limitsOutOfRange",
               "IMIN and IMAX must be within the range of the output class "
               "'single'.");
  }
  ValueRef r = newArray(spec.cls, spec.dims);
  int64_t n = r->numel();
  double width = hi - lo + 1; // number of possible values, <= 2^53
  rngFillUniform(r->re.data(), n);
  for (double &x : r->re) {
    // MATLAB's randi: ceil(u * width) in 1..width (u in (0,1) for
    // twister; an LCG u of exactly 0 maps to 1).
    double v = std::ceil(x * width);
    if (v < 1)
      v = 1;
    if (v > width)
      v = width;
    x = lo - 1 + v;
  }
  return {r};
}

// ---- randperm ---------------------------------------------------------------------

Args bi_randperm(int, const Args &args) {
  auto intArg = [](const Value &v, const char *what) -> int64_t {
    if (!isSizeLike(v) || v.numel() != 1 || !(v.re[0] >= 0) ||
        v.re[0] != std::floor(v.re[0]) || !std::isfinite(v.re[0]))
      throwError("MATLAB:randperm:inputType",
                 "%s must be a nonnegative integer scalar.", what);
    if (v.re[0] > 9.0e15)
      sizeLimit();
    return (int64_t)v.re[0];
  };
  int64_t n = intArg(*args[0], "N");
  if (args.size() < 2) {
    // MATLAB's randperm(n): the order that sorts n uniforms ascending
    // ([~, p] = sort(rand(1, n)), ties by index).
    ValueRef r = newArray(ClassId::Double, Dims{1, n});
    std::vector<double> u((size_t)n);
    rngFillUniform(u.data(), n);
    std::vector<int64_t> idx((size_t)n);
    std::iota(idx.begin(), idx.end(), (int64_t)0);
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) {
      return u[(size_t)a] < u[(size_t)b];
    });
    for (int64_t k = 0; k < n; ++k)
      r->re[(size_t)k] = (double)(idx[(size_t)k] + 1);
    return {r};
  }
  int64_t k = intArg(*args[1], "K");
  if (k > n)
    throwError("MATLAB:randperm:inputKTooLarge",
               "K must be less than or equal to N.");
  // randperm(n, k): the first k steps of a Fisher-Yates shuffle of 1..n,
  // one uniform each: j = i + floor(u * (n - i)). A sparse map keeps the
  // swapped entries when n is much larger than k.
  ValueRef r = newArray(ClassId::Double, Dims{1, k});
  std::vector<double> u((size_t)k);
  rngFillUniform(u.data(), k);
  bool dense = n <= 4 * k + 64;
  std::vector<int64_t> perm;
  std::unordered_map<int64_t, int64_t> swapped;
  if (dense) {
    perm.resize((size_t)n);
    std::iota(perm.begin(), perm.end(), (int64_t)1);
  }
  auto at = [&](int64_t i) -> int64_t {
    if (dense)
      return perm[(size_t)i];
    auto it = swapped.find(i);
    return it == swapped.end() ? i + 1 : it->second;
  };
  auto set = [&](int64_t i, int64_t v) {
    if (dense)
      perm[(size_t)i] = v;
    else
      swapped[i] = v;
  };
  for (int64_t i = 0; i < k; ++i) {
    int64_t j = i + (int64_t)std::floor(u[(size_t)i] * (double)(n - i));
    if (j >= n)
      j = n - 1;
    int64_t vi = at(i), vj = at(j);
    set(j, vi);
    set(i, vj);
    r->re[(size_t)i] = (double)vj;
  }
  return {r};
}

// ---- rng ---------------------------------------------------------------------------

namespace {

/// The current settings as MATLAB's struct: Type, Seed, State.
ValueRef settingsStruct() {
  const RngState &g = globalRng();
  ValueRef s = makeStruct(Dims{1, 1}, {"Type", "Seed", "State"});
  s->cells[0] = makeString(rngTypeName(g.type));
  s->cells[1] = makeDouble(g.seed);
  ValueRef st;
  if (g.type == RngType::Twister) {
    st = newArray(ClassId::UInt32, Dims{625, 1});
    for (int k = 0; k < 624; ++k)
      st->re[(size_t)k] = (double)g.mt.mt[k];
    st->re[624] = (double)g.mt.mti;
  } else {
    st = newArray(ClassId::UInt32, Dims{2, 1});
    st->re[0] = (double)(uint32_t)(g.lcg >> 32);
    st->re[1] = (double)(uint32_t)g.lcg;
  }
  s->cells[2] = st;
  return s;
}

bool generatorFromName(const std::string &name, RngType &t) {
  std::string s = name;
  for (char &c : s)
    c = (char)std::tolower((unsigned char)c);
  if (s == "twister" || s == "mt19937ar") {
    t = RngType::Twister;
    return true;
  }
  if (s == "lcg" || s == "runmat") {
    t = RngType::Lcg;
    return true;
  }
  return false;
}

[[noreturn]] void badGenerator(const std::string &name) {
  static const char *const matlabOnly[] = {
      "simdtwister", "combrecursive", "mrg32k3a",  "multfibonacci",
      "mlfg6331_64", "philox",        "philox4x32_10", "threefry",
      "threefry4x64_20", "v4",        "v5uniform", "v5normal"};
  std::string lower = name;
  for (char &c : lower)
    c = (char)std::tolower((unsigned char)c);
  for (const char *m : matlabOnly)
    if (lower == m)
      throwErrorIn("rng", "RunMat:rng:unsupportedGenerator",
                   "The '%s' generator is not supported; use 'twister' or "
                   "'lcg'.",
                   name.c_str());
  throwErrorIn("rng", "MATLAB:rng:badFirstOpt",
               "Unrecognized option or generator '%s'.", name.c_str());
}

RngType generatorArg(const Value &v) {
  if (!isText(v))
    throwErrorIn("rng", "MATLAB:rng:badSecondOpt",
                 "The generator type must be a character vector.");
  std::string name = textOf(v);
  RngType t;
  if (!generatorFromName(name, t))
    badGenerator(name);
  return t;
}

double seedArg(const Value &v) {
  if (!isSizeLike(v) || v.numel() != 1)
    throwErrorIn("rng", "MATLAB:rng:badSeed",
                 "The seed must be a nonnegative integer less than 2^32.");
  return v.re[0];
}

/// A time-based seed for rng('shuffle'): microseconds of the wall clock,
/// mixed, reduced to 32 bits.
double shuffleSeed() {
  using namespace std::chrono;
  uint64_t t = (uint64_t)duration_cast<microseconds>(
                   system_clock::now().time_since_epoch())
                   .count();
  static uint64_t counter = 0;
  return (double)(uint32_t)(splitMix64(t + (counter++ << 40)) >> 32);
}

/// rng(s): restores settings saved from `s = rng`.
void restoreSettings(const Value &s) {
  auto field = [&](const char *name) -> const Value & {
    int64_t f = fieldIndex(s, name);
    if (f < 0 || s.numel() != 1)
      throwErrorIn("rng", "MATLAB:rng:badSettings",
                   "The settings structure must have the fields Type, Seed "
                   "and State.");
    return *s.cells[(size_t)f];
  };
  RngType t = generatorArg(field("Type"));
  const Value &seed = field("Seed");
  const Value &state = field("State");
  auto bad = [] {
    throwErrorIn("rng", "MATLAB:rng:badSettings",
                 "The settings structure has an invalid State.");
  };
  if (!isSizeLike(state))
    bad();
  for (double x : state.re)
    if (!(x >= 0) || x >= 4294967296.0 || x != std::floor(x))
      bad();
  RngState &g = globalRng();
  if (t == RngType::Twister) {
    if (state.numel() != 625 || state.re[624] > 624)
      bad();
    bool any = false;
    for (int k = 0; k < 624; ++k)
      any = any || state.re[(size_t)k] != 0;
    if (!any)
      bad();
    for (int k = 0; k < 624; ++k)
      g.mt.mt[k] = (uint32_t)state.re[(size_t)k];
    g.mt.mti = (uint32_t)state.re[624];
  } else {
    if (state.numel() != 2)
      bad();
    g.lcg = ((uint64_t)state.re[0] << 32) | (uint64_t)state.re[1];
  }
  g.type = t;
  g.seed = isSizeLike(seed) && seed.numel() == 1 ? seed.re[0] : 0;
}

} // namespace

Args bi_rng(int nargout, const Args &args) {
  ValueRef before = (nargout > 0 || args.empty()) ? settingsStruct() : ValueRef();
  if (args.empty())
    return {before};
  const Value &a = *args[0];
  if (a.isStruct()) {
    if (args.size() > 1)
      throwErrorIn("rng", "MATLAB:TooManyInputs", "Too many input arguments.");
    restoreSettings(a);
  } else if (isText(a)) {
    std::string opt = textOf(a);
    std::string lower = opt;
    for (char &c : lower)
      c = (char)std::tolower((unsigned char)c);
    if (lower == "default") {
      if (args.size() > 1)
        throwErrorIn("rng", "MATLAB:TooManyInputs",
                     "Too many input arguments.");
      rngReset();
    } else if (lower == "shuffle") {
      RngType t = args.size() > 1 ? generatorArg(*args[1]) : RngType::Lcg;
      rngSeed(shuffleSeed(), t);
    } else {
      // rng(generator): that generator with seed 0.
      if (args.size() > 1)
        throwErrorIn("rng", "MATLAB:TooManyInputs",
                     "Too many input arguments.");
      RngType t;
      if (!generatorFromName(opt, t))
        badGenerator(opt);
      rngSeed(0, t);
    }
  } else {
    double seed = seedArg(a);
    RngType t = args.size() > 1 ? generatorArg(*args[1]) : RngType::Lcg;
    rngSeed(seed, t);
  }
  if (nargout > 0)
    return {before};
  return {};
}

} // namespace runmat::rt

// ---- the loop idiom (runmat.fused_rng_loop) --------------------------------------

extern "C" rm_value *rm_rng_loop_prepare(rm_value *state, int64_t count,
                                         int64_t ndims, const double *dims,
                                         uint64_t *info, rm_value **lastDraw) {
  using namespace runmat::rt;
  const Value *s = reinterpret_cast<const Value *>(state);
  if (!s || count < 1 || ndims < 1 || !dims || !info || s->cls != ClassId::Double ||
      s->complex || s->csList || globalRng().type != RngType::Lcg)
    return nullptr;
  // The size randn(dims...) makes; anything unusual runs the loop itself
  // (which raises randn's errors).
  Dims d;
  for (int64_t k = 0; k < ndims; ++k) {
    double x = dims[k];
    if (!(x >= 0) || x != std::floor(x) || x > 9007199254740992.0)
      return nullptr;
    d.push_back((int64_t)x);
  }
  if (d.size() == 1)
    d.push_back(d[0]);
  normalizeDims(d);
  if (d != s->dims)
    return nullptr;
  try {
    int64_t n = s->numel();
    uint64_t steps = 2 * (uint64_t)((n + 1) / 2);
    // The jump over one step as an affine map: lcgJump(x, steps) is
    // mul * x + add for every x.
    uint64_t add = lcgJump(0, steps), mul = lcgJump(1, steps) - add;
    RngState &g = globalRng();
    info[0] = (uint64_t)n, info[1] = g.lcg, info[2] = mul, info[3] = add;
    ValueRef r = copyValue(*s);
    ValueRef z;
    if (lastDraw)
      z = newArray(ClassId::Double, s->dims);
    // The state before the last step, by one jump (the stream is periodic
    // modulo 2^64, so the product may wrap).
    uint64_t st = lcgJump(g.lcg, steps * (uint64_t)(count - 1));
    if (z)
      lcgNormals(st, 0, n, z->re.data());
    g.lcg = mul * st + add;
    if (lastDraw)
      *lastDraw = reinterpret_cast<rm_value *>(z.release());
    return reinterpret_cast<rm_value *>(r.release());
  } catch (...) {
    return nullptr;
  }
}

extern "C" void rm_lcg_normals(uint64_t state, int64_t k0, int64_t n, double *out) {
  if (n > 0 && out)
    runmat::rt::lcgNormals(state, k0, n, out);
}
