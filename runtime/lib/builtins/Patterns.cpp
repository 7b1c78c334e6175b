//===- Patterns.cpp - Kernels of the named patterns ------------------------===//
//
// The runtime side of the pattern ops the compiler's pattern passes make
// (runmat.mean_var, runmat.centered_gram, runmat.explained_variance,
// runmat.power_step_normalize): each takes the pattern's operands and its
// metadata (constants of the compiled program) and computes the pattern in
// one kernel when the data allows — real double (and, for mean_var, single)
// arrays of the shapes the kernel handles — and otherwise by the very
// builtins and operators the unfused program calls, so the result is
// always MATLAB's.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/abi.h"

#include <cblas.h>
#include <immintrin.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

namespace runmat::rt {

using namespace support;

namespace {

bool realFloatData(const Value &v) {
  return (v.cls == ClassId::Double || v.cls == ClassId::Single) &&
         !hasImag(v) && !v.csList;
}

bool realDoubleMatrix(const Value &v) {
  return v.cls == ClassId::Double && !hasImag(v) && !v.csList &&
         v.dims.size() == 2 && v.dims[0] <= INT_MAX && v.dims[1] <= INT_MAX;
}

// ---- mean_var ----------------------------------------------------------------

/// The per-chunk statistics of one line: the chunk's sum (in the order of
/// chunkSum, so the line's total is chunkedSum's to the bit) and the sum of
/// squared deviations from the chunk's own mean (the chunk is in cache for
/// this second look, so the data is read from memory once).
struct MomentJob {
  const double *p;
  int64_t n;
  double *sums, *m2s;
};

void momentRange(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<MomentJob *>(ctx);
  for (int64_t c = begin; c < end; ++c) {
    int64_t b = c * RM_SUM_CHUNK;
    int64_t len = std::min<int64_t>(RM_SUM_CHUNK, job->n - b);
    const double *p = job->p + b;
    double s = chunkSum(p, len);
    // The squares in 8 independent sums (this order is the kernel's own):
    // vectorised, and not bound by the latency of one chain of additions.
    double m = s / (double)len, acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t k = 0;
    for (; k + 8 <= len; k += 8)
      for (int l = 0; l < 8; ++l) {
        double d = p[k + l] - m;
        acc[l] += d * d;
      }
    for (; k < len; ++k) {
      double d = p[k] - m;
      acc[0] += d * d;
    }
    job->sums[c] = s;
    job->m2s[c] = ((acc[0] + acc[1]) + (acc[2] + acc[3])) +
                  ((acc[4] + acc[5]) + (acc[6] + acc[7]));
  }
}

/// Mean (as mean computes it) and the sum of squared deviations of a
/// contiguous line, combining the chunks by Chan et al.'s formula.
void lineMoments(const double *p, int64_t n, double &mean, double &m2) {
  int64_t chunks = (n + RM_SUM_CHUNK - 1) / RM_SUM_CHUNK;
  std::vector<double> sums((size_t)chunks), m2s((size_t)chunks);
  MomentJob job{p, n, sums.data(), m2s.data()};
  if (chunks >= 16)
    rm_parallel_for(chunks, 8, momentRange, &job);
  else
    momentRange(&job, 0, chunks);
  double total = 0;
  for (double s : sums)
    total += s;
  mean = total / (double)n;
  double q = 0, spread = 0;
  for (int64_t c = 0; c < chunks; ++c) {
    int64_t len = std::min<int64_t>(RM_SUM_CHUNK, n - c * RM_SUM_CHUNK);
    double d = sums[(size_t)c] / (double)len - mean;
    q += m2s[(size_t)c];
    spread += (double)len * d * d;
  }
  m2 = q + spread;
}

/// The unfused forms: form 0 is mean((x - mean(x, dim)).^2, dim), form 1
/// var(x, 0, dim), form 2 var(x, 1, dim) (dim 0: the default; -1: 'all').
Args meanVarUnfused(const Value &x, int64_t dim, int form) {
  Args margs{ValueRef::borrow(const_cast<Value *>(&x))};
  if (dim > 0)
    margs.push_back(makeDouble((double)dim));
  else if (dim < 0)
    margs.push_back(makeString("all"));
  ValueRef mu = bi_mean(1, margs)[0];
  ValueRef var;
  if (form == 0) {
    ValueRef d = binaryOp(RM_OP_MINUS, x, *mu);
    ValueRef sq = binaryOp(RM_OP_POWER, *d, *makeDouble(2));
    margs[0] = sq;
    var = bi_mean(1, margs)[0];
  } else {
    Args vargs{margs[0], makeDouble(form == 1 ? 0.0 : 1.0)};
    if (margs.size() > 1)
      vargs.push_back(margs[1]);
    var = bi_var(1, vargs)[0];
  }
  return {mu, var};
}

} // namespace

namespace {

/// The lines of x along dim (0: the first dimension that is not 1, -1:
/// all of x as one line) for a kernel reading them contiguously: false
/// unless every dimension before dim is 1; else d (0-based, for dim >= 0)
/// and the line length.
bool contiguousLines(const Value &x, int64_t dim, int64_t &d, int64_t &len) {
  d = dim > 0 ? dim - 1 : firstNonSingleton(x.dims);
  len = x.numel();
  if (dim < 0)
    return true;
  for (int64_t k = 0; k < d; ++k)
    if (dimSize(x.dims, k) != 1)
      return false;
  len = dimSize(x.dims, d);
  return true;
}

/// Each line's mean and variance (by form, as __mean_var's), rounded to x's
/// class, into mu[j] and var[j].
void lineMeanVar(const Value &x, int64_t len, int form, double *mu, double *var) {
  int64_t lines = x.numel() / len;
  double denom = form == 1 ? (double)(len > 1 ? len - 1 : 1) : (double)len;
  for (int64_t j = 0; j < lines; ++j) {
    double m, m2;
    lineMoments(x.re.data() + j * len, len, m, m2);
    mu[j] = castValue(m, x.cls);
    var[j] = castValue(m2 / denom, x.cls);
  }
}

} // namespace

// __mean_var(x, dim, form): [mean, variance] of runmat.mean_var.
Args bi_mean_var(int, const Args &args) {
  const Value &x = *args[0];
  int64_t dim = (int64_t)args[1]->re[0];
  int form = (int)args[2]->re[0];
  int64_t d, len;
  if (!realFloatData(x) || x.numel() == 0 || !contiguousLines(x, dim, d, len))
    return meanVarUnfused(x, dim, form);
  Dims outDims{1, 1};
  if (dim >= 0) {
    outDims = x.dims;
    if (d < (int64_t)outDims.size())
      outDims[(size_t)d] = 1;
  }
  ValueRef mu = newArray(x.cls, outDims), var = newArray(x.cls, outDims);
  lineMeanVar(x, len, form, mu->re.data(), var->re.data());
  return {mu, var};
}

// ---- centered_gram ------------------------------------------------------------

namespace {

/// Rows [r0, r0 + rows) of x minus the column means, into a panel buffer.
struct CentreJob {
  const double *x;
  int64_t n, d;
  const double *mu;
  double *buf;
  int64_t r0, rows;
};

void centreColumns(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<CentreJob *>(ctx);
  for (int64_t j = begin; j < end; ++j) {
    const double *src = job->x + j * job->n + job->r0;
    double *dst = job->buf + j * job->rows;
    double m = job->mu[(size_t)j];
    for (int64_t i = 0; i < job->rows; ++i)
      dst[i] = src[i] - m;
  }
}

/// Column means for the Gram: eight independent partial sums per column,
/// so the adds run at memory speed rather than one add latency per
/// element. Not sum's order (mean(x) may differ in the last bit): the
/// fused Gram rounds differently from the unfused product anyway.
struct MeanJob {
  const double *x;
  int64_t n;
  double *mu;
};

void columnMeans(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<MeanJob *>(ctx);
  for (int64_t j = begin; j < end; ++j) {
    const double *p = job->x + j * job->n;
    double a[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t i = 0;
    for (; i + 8 <= job->n; i += 8)
      for (int l = 0; l < 8; ++l)
        a[l] += p[i + l];
    for (; i < job->n; ++i)
      a[0] += p[i];
    job->mu[j] = (((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]))) /
                 (double)job->n;
  }
}

} // namespace

// __centered_gram(x, conj, columns[, divisor]): (x - m)' * (x - m) with m
// = mean(x) (mean(x, 1) when columns is 1), divided by divisor when given
// (.' instead of ' when conj is 0).
Args bi_centered_gram(int, const Args &args) {
  const Value &x = *args[0];
  bool conj = args[1]->re[0] != 0, columns = args[2]->re[0] != 0;
  const Value *divisor = args.size() > 3 ? args[3].get() : nullptr;
  bool fast = realDoubleMatrix(x) && x.dims[0] >= 2 && x.dims[1] >= 1 &&
              (!divisor || (divisor->cls == ClassId::Double &&
                            !hasImag(*divisor) && divisor->numel() == 1));
  if (!fast) {
    Args margs{args[0]};
    if (columns)
      margs.push_back(makeDouble(1));
    ValueRef mu = bi_mean(1, margs)[0];
    ValueRef c = binaryOp(RM_OP_MINUS, x, *mu);
    ValueRef g = mtimesTransposed(*c, *c, conj, true);
    if (divisor)
      g = binaryOp(RM_OP_MRDIVIDE, *g, *divisor);
    return {g};
  }
  int64_t n = x.dims[0], d = x.dims[1];
  const double *X = x.re.data();
  std::vector<double> mu((size_t)d);
  MeanJob means{X, n, mu.data()};
  rm_parallel_for(d, std::max<int64_t>(1, (1 << 15) / n), columnMeans, &means);
  // Row panels of about 8 MB, centred into a buffer that stays in cache,
  // each added to the upper triangle by one SYRK: x - mean(x) is never
  // written out.
  int64_t panel = std::clamp<int64_t>((8 << 20) / (8 * d), 64, n);
  std::vector<double> buf((size_t)(panel * d));
  ValueRef g = newArray(ClassId::Double, Dims{d, d});
  double *G = g->re.data();
  CentreJob job{X, n, d, mu.data(), buf.data(), 0, 0};
  for (int64_t r0 = 0; r0 < n; r0 += panel) {
    int64_t rows = std::min(panel, n - r0);
    job.r0 = r0;
    job.rows = rows;
    rm_parallel_for(d, 8, centreColumns, &job);
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int)d, (int)rows, 1.0,
                buf.data(), (int)rows, r0 == 0 ? 0.0 : 1.0, G, (int)d);
  }
  double s = divisor ? divisor->re[0] : 1.0;
  if (divisor)
    for (int64_t j = 0; j < d; ++j)
      for (int64_t i = 0; i <= j; ++i)
        G[i + j * d] /= s;
  for (int64_t j = 0; j < d; ++j) // mirror the upper triangle
    for (int64_t i = j + 1; i < d; ++i)
      G[i + j * d] = G[j + i * d];
  return {g};
}

// ---- explained_variance ----------------------------------------------------------

// __explained_variance(q, g, normalized, conj): diag(q' * g * q), divided
// by trace(g) when normalized (q.' when conj is 0).
Args bi_explained_variance(int, const Args &args) {
  const Value &q = *args[0], &g = *args[1];
  bool normalized = args[2]->re[0] != 0, conj = args[3]->re[0] != 0;
  bool fast = realDoubleMatrix(q) && realDoubleMatrix(g) &&
              g.dims[0] == g.dims[1] && q.dims[0] == g.dims[0] &&
              q.dims[0] >= 1 && q.dims[1] >= 1 &&
              !(q.dims[0] == 1 && q.dims[1] == 1);
  if (!fast) {
    ValueRef qt = transpose(q, conj);
    ValueRef p = mtimes(*mtimes(*qt, g), q);
    ValueRef e = bi_diag(1, Args{p})[0];
    if (normalized)
      e = binaryOp(RM_OP_MRDIVIDE, *e, *bi_trace(1, Args{args[1]})[0]);
    return {e};
  }
  int64_t d = q.dims[0], k = q.dims[1];
  // W = q' * g (k x d), then e(j) = sum_i W(j, i) * q(i, j): the diagonal
  // of W * q without the rest of the k x k product.
  std::vector<double> W((size_t)(k * d));
  cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int)k, (int)d, (int)d,
              1.0, q.re.data(), (int)d, g.re.data(), (int)d, 0.0, W.data(),
              (int)k);
  ValueRef e = newArray(ClassId::Double, Dims{k, 1});
  for (int64_t j = 0; j < k; ++j) {
    double acc = 0;
    for (int64_t i = 0; i < d; ++i)
      acc += W[(size_t)(j + i * k)] * q.re[(size_t)(i + j * d)];
    e->re[(size_t)j] = acc;
  }
  if (normalized) {
    ValueRef tr = bi_trace(1, Args{args[1]})[0];
    double t = tr->re[0];
    for (double &v : e->re)
      v /= t;
  }
  return {e};
}

// ---- power_step_normalize --------------------------------------------------------

// __power_step(a, q, eps): y = a * q; y ./ sqrt(sum(y.^2) + eps).
Args bi_power_step(int, const Args &args) {
  const Value &a = *args[0], &q = *args[1];
  double eps = args[2]->re[0];
  ValueRef y = mtimes(a, q);
  const Value &Y = *y;
  if (!(realDoubleMatrix(Y) && Y.dims[0] >= 2)) {
    ValueRef sq = binaryOp(RM_OP_POWER, Y, *makeDouble(2));
    ValueRef s = bi_sum(1, Args{sq})[0];
    ValueRef t = binaryOp(RM_OP_PLUS, *s, *makeDouble(eps));
    ValueRef r = bi_sqrt(1, Args{t})[0];
    return {binaryOp(RM_OP_RDIVIDE, Y, *r)};
  }
  int64_t m = Y.dims[0], k = Y.dims[1];
  ValueRef out = newArray(ClassId::Double, Y.dims);
  std::vector<double> sq((size_t)m);
  for (int64_t j = 0; j < k; ++j) {
    const double *col = Y.re.data() + j * m;
    for (int64_t i = 0; i < m; ++i)
      sq[(size_t)i] = col[i] * col[i];
    double norm = std::sqrt(chunkedSum(sq.data(), m) + eps);
    double *o = out->re.data() + j * m;
    for (int64_t i = 0; i < m; ++i)
      o[i] = col[i] / norm;
  }
  return {out};
}

// ---- image_normalize ----------------------------------------------------------

// __image_normalize(x, dim, eps, gain, bias, gamma, flags): per line of x
// along dim, y = (x - mu) ./ sqrt(v + eps), then * gain (flag 1), + bias
// (flag 2), max(., 0) (flag 4), .^ gamma (flag 8); with flag 16 the
// result is sum(y(:)) (flag 32: in double, else x's class).

// The .^ of a block of elements through glibc's libmvec, as the compiled
// fused loops call it (AVX-512 lanes where the CPU has them, else AVX2),
// so both give the same doubles; libm's pow without either.
extern "C" {
__attribute__((target("avx512f"))) __m512d _ZGVeN8vv_pow(__m512d, __m512d);
__attribute__((target("avx2"))) __m256d _ZGVdN4vv_pow(__m256d, __m256d);
}

namespace {

__attribute__((target("avx512f"))) void powBlock8(double *y, int64_t n, double g) {
  __m512d e = _mm512_set1_pd(g);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8)
    _mm512_storeu_pd(y + i, _ZGVeN8vv_pow(_mm512_loadu_pd(y + i), e));
  if (i < n) {
    double t[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    std::copy(y + i, y + n, t);
    _mm512_storeu_pd(t, _ZGVeN8vv_pow(_mm512_loadu_pd(t), e));
    std::copy(t, t + (n - i), y + i);
  }
}

__attribute__((target("avx2"))) void powBlock4(double *y, int64_t n, double g) {
  __m256d e = _mm256_set1_pd(g);
  int64_t i = 0;
  for (; i + 4 <= n; i += 4)
    _mm256_storeu_pd(y + i, _ZGVdN4vv_pow(_mm256_loadu_pd(y + i), e));
  if (i < n) {
    double t[4] = {1, 1, 1, 1};
    std::copy(y + i, y + n, t);
    _mm256_storeu_pd(t, _ZGVdN4vv_pow(_mm256_loadu_pd(t), e));
    std::copy(t, t + (n - i), y + i);
  }
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void
nonZeroBases(const double *y, double *base, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    base[i] = y[i] == 0 ? 1.0 : y[i];
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void
zeroBasePowers(const double *y, double *p, int64_t n, double plus, double minus) {
  for (int64_t i = 0; i < n; ++i)
    p[i] = y[i] == 0 ? (std::signbit(y[i]) ? minus : plus) : p[i];
}

/// y[0..n) = pow(y, g), n <= RM_SUM_CHUNK. The zero bases are taken
/// apart as the compiled loops take them (guardedPow): libmvec computes a
/// vector with a zero lane by calling the scalar pow for it, several times
/// slower when half the lanes are zero (as after max(., 0)), so they get
/// libm's pow(+-0, g) (one call each) instead.
void powBlock(double *y, int64_t n, double g) {
  static const int width = __builtin_cpu_supports("avx512f")  ? 8
                           : __builtin_cpu_supports("avx2") ? 4
                                                            : 1;
  if (width == 1) {
    for (int64_t i = 0; i < n; ++i)
      y[i] = std::pow(y[i], g);
    return;
  }
  double p[RM_SUM_CHUNK];
  nonZeroBases(y, p, n);
  if (width == 8)
    powBlock8(p, n, g);
  else
    powBlock4(p, n, g);
  zeroBasePowers(y, p, n, std::pow(0.0, g), std::pow(-0.0, g));
  std::copy(p, p + n, y);
}

struct NormalizeJob {
  const double *x;
  int64_t n, len;         // elements, elements per line
  const double *mu, *sd;  // per line: mean, sqrt(var + eps)
  double gain, bias, gamma;
  int flags;
  bool single;
  double *out;            // the result, or null with sum
  double *chunkSums;      // per RM_SUM_CHUNK elements, with sum
};

/// Steps over a chunk in a buffer that stays in L1, each a loop the
/// compiler vectorises (compiled for AVX-512, AVX2 and the baseline; the
/// loader picks one). `single` rounds every result to single, as the
/// unfused operators and the fused loops do.
__attribute__((target_clones("avx512f", "avx2", "default"))) void
normalizeSteps(const double *x, double *y, int64_t n, double m, double s,
               const NormalizeJob &job) {
  if (job.single) {
    for (int64_t i = 0; i < n; ++i)
      y[i] = (double)(float)((double)(float)(x[i] - m) / s);
    if (job.flags & 1)
      for (int64_t i = 0; i < n; ++i)
        y[i] = (double)(float)(y[i] * job.gain);
    if (job.flags & 2)
      for (int64_t i = 0; i < n; ++i)
        y[i] = (double)(float)(y[i] + job.bias);
  } else {
    for (int64_t i = 0; i < n; ++i)
      y[i] = (x[i] - m) / s;
    if (job.flags & 1)
      for (int64_t i = 0; i < n; ++i)
        y[i] = y[i] * job.gain;
    if (job.flags & 2)
      for (int64_t i = 0; i < n; ++i)
        y[i] = y[i] + job.bias;
  }
  if (job.flags & 4) // max(y, 0): NaN gives 0, -0 stays
    for (int64_t i = 0; i < n; ++i)
      y[i] = (y[i] != y[i] || 0 > y[i]) ? 0.0 : y[i];
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void
roundToSingle(double *y, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    y[i] = (double)(float)y[i];
}

/// Chunks [c0, c1) of RM_SUM_CHUNK elements, written, or summed in order.
void normalizeRange(void *ctx, int64_t c0, int64_t c1) {
  auto &job = *static_cast<NormalizeJob *>(ctx);
  double buf[RM_SUM_CHUNK];
  for (int64_t c = c0; c < c1; ++c) {
    int64_t i0 = c * RM_SUM_CHUNK, i1 = std::min(job.n, i0 + RM_SUM_CHUNK);
    double *y = job.out ? job.out + i0 : buf;
    for (int64_t i = i0; i < i1;) { // the lines this chunk spans
      int64_t line = i / job.len, end = std::min(i1, (line + 1) * job.len);
      normalizeSteps(job.x + i, y + (i - i0), end - i, job.mu[line],
                     job.sd[line], job);
      i = end;
    }
    if (job.flags & 8) {
      powBlock(y, i1 - i0, job.gamma);
      if (job.single)
        roundToSingle(y, i1 - i0);
    }
    if (!job.out)
      job.chunkSums[c] = chunkSum(y, i1 - i0);
  }
}

/// The unfused operations, for data the kernel does not take.
Args imageNormalizeUnfused(const Value &x, int64_t dim, double eps, double gain,
                           double bias, double gamma, int flags) {
  Args st = meanVarUnfused(x, dim, 0);
  ValueRef d = binaryOp(RM_OP_MINUS, x, *st[0]);
  ValueRef s = bi_sqrt(1, Args{binaryOp(RM_OP_PLUS, *st[1], *makeDouble(eps))})[0];
  ValueRef y = binaryOp(RM_OP_RDIVIDE, *d, *s);
  if (flags & 1)
    y = binaryOp(RM_OP_TIMES, *y, *makeDouble(gain));
  if (flags & 2)
    y = binaryOp(RM_OP_PLUS, *y, *makeDouble(bias));
  if (flags & 4)
    y = bi_max(1, Args{y, makeDouble(0)})[0];
  if (flags & 8)
    y = binaryOp(RM_OP_POWER, *y, *makeDouble(gamma));
  if (!(flags & 16))
    return {y};
  Args sargs{y, makeString("all")};
  if (flags & 32)
    sargs.push_back(makeString("double"));
  return bi_sum(1, sargs);
}

} // namespace

Args bi_image_normalize(int, const Args &args) {
  const Value &x = *args[0];
  int64_t dim = (int64_t)args[1]->re[0];
  double eps = args[2]->re[0], gain = args[3]->re[0], bias = args[4]->re[0],
         gamma = args[5]->re[0];
  int flags = (int)args[6]->re[0];
  int64_t d, len;
  if (!realFloatData(x) || x.numel() == 0 || !contiguousLines(x, dim, d, len))
    return imageNormalizeUnfused(x, dim, eps, gain, bias, gamma, flags);
  int64_t n = x.numel(), lines = n / len;
  bool single = x.cls == ClassId::Single;
  // The statistics as runmat.mean_var computes them (population variance),
  // then sqrt(var + eps) in x's class.
  std::vector<double> mu((size_t)lines), sd((size_t)lines);
  lineMeanVar(x, len, 0, mu.data(), sd.data());
  for (double &s : sd)
    s = castValue(std::sqrt(castValue(s + eps, x.cls)), x.cls);
  int64_t chunks = (n + RM_SUM_CHUNK - 1) / RM_SUM_CHUNK;
  ValueRef out;
  std::vector<double> chunkSums;
  if (flags & 16)
    chunkSums.resize((size_t)chunks);
  else
    out = newArray(x.cls, x.dims);
  NormalizeJob job{x.re.data(), n, len, mu.data(), sd.data(), gain, bias, gamma,
                   flags, single, out ? out->re.data() : nullptr, chunkSums.data()};
  rm_parallel_for(chunks, 1, normalizeRange, &job);
  if (!(flags & 16))
    return {out};
  double total = chunkSum(chunkSums.data(), chunks); // in order, as sum adds them
  return {makeScalar((flags & 32) ? total : castValue(total, x.cls),
                     (flags & 32) ? ClassId::Double : x.cls)};
}

// ---- matmul_epilogue --------------------------------------------------------------

// __matmul_epilogue(a, b, flags, alpha[, c][, w]): p = op(a) * b, then
// p * alpha (flag 4), then p .* w (flag 64), then p + c (flag 8; c - p with
// flag 16, p - c with flag 32); op is the transpose with flag 1 (' with
// flag 2, else .').
Args bi_matmul_epilogue(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  int flags = (int)args[2]->re[0];
  bool trans = flags & 1, conj = flags & 2, scaled = flags & 4,
       hasAddend = flags & 8, negate = flags & 16, subtract = flags & 32,
       hasScale = flags & 64;
  double alpha = args[3]->re[0];
  size_t next = 4;
  const Value *c = hasAddend && args.size() > next ? args[next++].get() : nullptr;
  const Value *w = hasScale && args.size() > next ? args[next].get() : nullptr;
  int64_t m = trans ? (a.dims.size() == 2 ? a.dims[1] : 0) : a.dims[0];
  int64_t k = trans ? a.dims[0] : (a.dims.size() == 2 ? a.dims[1] : 0);
  // (alpha 0: BLAS would not read a and b at all, but 0 * Inf is NaN)
  bool fast = alpha != 0 && realDoubleMatrix(a) && realDoubleMatrix(b) &&
              b.dims[0] == k &&
              m >= 2 && b.dims[1] >= 2 && k >= 1 &&
              (!c || (realDoubleMatrix(*c) &&
                      (c->dims[0] == m || c->dims[0] == 1) &&
                      (c->dims[1] == b.dims[1] || c->dims[1] == 1))) &&
              (!w || (realDoubleMatrix(*w) &&
                      (w->dims[0] == m || w->dims[0] == 1) &&
                      (w->dims[1] == b.dims[1] || w->dims[1] == 1)));
  if (!fast) {
    ValueRef p = trans ? mtimes(*transpose(a, conj), b) : mtimes(a, b);
    if (scaled)
      p = binaryOp(RM_OP_TIMES, *p, *makeDouble(alpha));
    if (w)
      p = binaryOp(RM_OP_TIMES, *p, *w);
    if (c)
      p = negate     ? binaryOp(RM_OP_MINUS, *c, *p)
          : subtract ? binaryOp(RM_OP_MINUS, *p, *c)
                     : binaryOp(RM_OP_PLUS, *p, *c);
    return {p};
  }
  int64_t n = b.dims[1];
  ValueRef out = newArray(ClassId::Double, Dims{m, n});
  double *D = out->re.data();
  if (w) {
    // D = alpha op(a) b, then one pass: D .* w, then the addend, each
    // rounded as the unfused operations round it.
    cblas_dgemm(CblasColMajor, trans ? CblasTrans : CblasNoTrans, CblasNoTrans,
                (int)m, (int)n, (int)k, alpha, a.re.data(), (int)a.dims[0],
                b.re.data(), (int)k, 0.0, D, (int)m);
    int64_t wr = w->dims[0], wc = w->dims[1];
    int64_t cr = c ? c->dims[0] : 1, cc = c ? c->dims[1] : 1;
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i) {
        double p = D[i + j * m] * w->re[(size_t)((wr == 1 ? 0 : i) + (wc == 1 ? 0 : j) * wr)];
        if (c) {
          double cv = c->re[(size_t)((cr == 1 ? 0 : i) + (cc == 1 ? 0 : j) * cr)];
          p = negate ? cv - p : subtract ? p - cv : p + cv;
        }
        D[i + j * m] = p;
      }
    return {out};
  }
  double beta = 0;
  if (c) {
    // the addend, broadcast to m x n, then D = (+-alpha) op(a) b + (+-1) D
    int64_t cr = c->dims[0], cc = c->dims[1];
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i)
        D[i + j * m] = c->re[(size_t)((cr == 1 ? 0 : i) + (cc == 1 ? 0 : j) * cr)];
    beta = subtract ? -1.0 : 1.0;
  }
  double al = negate ? -alpha : alpha;
  cblas_dgemm(CblasColMajor, trans ? CblasTrans : CblasNoTrans, CblasNoTrans,
              (int)m, (int)n, (int)k, al, a.re.data(), (int)a.dims[0],
              b.re.data(), (int)k, beta, D, (int)m);
  return {out};
}

} // namespace runmat::rt
