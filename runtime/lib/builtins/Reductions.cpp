//===- Reductions.cpp - Sums, extrema and other reductions
//-----------------===//
//
// sum prod mean any all max min nnz, cumsum cumprod, and diff with MATLAB's
// rules: the default dimension is the first non-singleton one, 0x0 inputs
// reduce to the identity (sum([]) = 0), 'all' and vecdim, 'omitnan',
// 'double'/'native' output classes, and max/min skipping NaN.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/abi.h"
#include "ArraySupport.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numeric>

namespace runmat::rt {

using namespace support;

namespace support {

/// The sum of a contiguous line in RunMat's order (abi.h RM_SUM_CHUNK):
/// each chunk of RM_SUM_CHUNK elements summed from 0 in order, the chunk
/// sums added in order. Fused reductions compute the chunks in parallel
/// and add them the same way, so both give the same bits.
double chunkSum(const double *p, int64_t n) {
  double acc = 0;
  for (int64_t k = 0; k < n; ++k)
    acc += p[k];
  return acc;
}

namespace {
struct ChunkJob {
  const double *p;
  int64_t n;
  double *partial;
};

void chunkRange(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<ChunkJob *>(ctx);
  for (int64_t c = begin; c < end; ++c) {
    int64_t b = c * RM_SUM_CHUNK;
    job->partial[c] = chunkSum(job->p + b, std::min<int64_t>(RM_SUM_CHUNK, job->n - b));
  }
}

} // namespace

double chunkedSum(const double *p, int64_t n) {
  int64_t chunks = (n + RM_SUM_CHUNK - 1) / RM_SUM_CHUNK;
  if (chunks >= 16) {
    double total = 0;
    // Long lines: the chunk sums in parallel, then added in order (the
    // same numbers as one thread).
    std::vector<double> partial((size_t)chunks);
    ChunkJob job{p, n, partial.data()};
    rm_parallel_for(chunks, 8, chunkRange, &job);
    for (double x : partial)
      total += x;
    return total;
  }
  return chunkedSumSerial(p, n);
}

double chunkedSumSerial(const double *p, int64_t n) {
  double total = 0;
  for (int64_t c = 0; c < n; c += RM_SUM_CHUNK)
    total += chunkSum(p + c, std::min<int64_t>(RM_SUM_CHUNK, n - c));
  return total;
}

namespace {
struct ColumnJob {
  const double *p;
  int64_t len;
  double *out;
};

void columnRange(void *ctx, int64_t begin, int64_t end) {
  auto *job = static_cast<ColumnJob *>(ctx);
  for (int64_t j = begin; j < end; ++j)
    job->out[j] = chunkedSumSerial(job->p + j * job->len, job->len);
}
} // namespace

void columnSums(const double *p, int64_t len, int64_t cols, double *out) {
  // Long columns split their chunks over the pool; many short ones are
  // shared out whole. Either way each sum is chunkedSum's, to the bit.
  if (cols < 2 || len >= 16 * RM_SUM_CHUNK || len * cols < (1 << 16)) {
    for (int64_t j = 0; j < cols; ++j)
      out[j] = chunkedSum(p + j * len, len);
    return;
  }
  ColumnJob job{p, len, out};
  rm_parallel_for(cols, std::max<int64_t>(1, (1 << 15) / std::max<int64_t>(len, 1)),
                  columnRange, &job);
}

} // namespace support

namespace {

enum class OutType { Default, Double, Native };
enum class Mode { Default, Dim, All, VecDim };

struct Opts {
  Mode mode = Mode::Default;
  int64_t dim = 0;
  std::vector<int64_t> dims;
  OutType outType = OutType::Default;
  bool omitNan = false;
  bool nanFlagSet = false;
};

/// Parses the arguments after the data: dim | vecdim | 'all', then option
/// strings. `nanDefaultOmit` is true for max/min.
Opts parseOpts(const Args &args, size_t from, bool allowOutType,
               bool allowNanFlag, bool nanDefaultOmit) {
  Opts o;
  o.omitNan = nanDefaultOmit;
  for (size_t i = from; i < args.size(); ++i) {
    const Value &a = *args[i];
    if (a.cls == ClassId::Char) {
      if (textIs(a, "all") && o.mode == Mode::Default) {
        o.mode = Mode::All;
      } else if (allowOutType && textIs(a, "double")) {
        o.outType = OutType::Double;
      } else if (allowOutType && textIs(a, "native")) {
        o.outType = OutType::Native;
      } else if (allowOutType && textIs(a, "default")) {
        o.outType = OutType::Default;
      } else if (allowNanFlag &&
                 (textIs(a, "omitnan") || textIs(a, "omitmissing"))) {
        o.omitNan = true;
      } else if (allowNanFlag &&
                 (textIs(a, "includenan") || textIs(a, "includemissing"))) {
        o.omitNan = false;
      } else {
        throwError("MATLAB:invalidOption", "Invalid option '%s'.",
                   textOf(a).c_str());
      }
      continue;
    }
    if (i != from || o.mode != Mode::Default)
      throwError("MATLAB:invalidOption",
                 "Invalid option. Options must be character vectors.");
    if (a.numel() == 1) {
      o.mode = Mode::Dim;
      o.dim = dimArg(a);
    } else {
      o.mode = Mode::VecDim;
      o.dims = vecDimArg(a);
      if (o.dims.size() == 1) {
        o.mode = Mode::Dim;
        o.dim = o.dims[0];
      }
    }
  }
  return o;
}

/// A read-only view of array data with its own dims (for 'all' and vecdim).
struct View {
  Dims dims;
  const double *re = nullptr;
  const double *im = nullptr; // null when real
  std::vector<double> ownRe, ownIm;
};

/// The view to reduce and the dimension to reduce along; `outDims` receives
/// the dims of the result (reduced dim set to 1). `emptyIdentity` makes a
/// 0x0 input reduce like a 0x1 column (sum([]) = 0, not 1x0).
void prepare(const Value &v, const Opts &o, bool emptyIdentity, View &view,
             int64_t &dim, Dims &outDims) {
  view.re = v.re.data();
  view.im = hasImag(v) ? v.im.data() : nullptr;
  view.dims = v.dims;
  switch (o.mode) {
  case Mode::Default:
    dim = firstNonSingleton(v.dims);
    if (emptyIdentity && v.dims.size() == 2 && v.dims[0] == 0 && v.dims[1] == 0)
      view.dims = Dims{0, 1};
    break;
  case Mode::Dim:
    dim = o.dim;
    break;
  case Mode::All:
    view.dims = Dims{v.numel(), 1};
    dim = 0;
    break;
  case Mode::VecDim: {
    // Move the reduced dims to the front (a permuted copy), then reduce the
    // first dimension of (prod reduced) x (the rest in order).
    // Dims beyond ndims are singletons: reducing them changes nothing.
    const Dims &d = v.dims;
    size_t nd = d.size();
    std::vector<bool> red(nd, false);
    for (int64_t k : o.dims)
      if (k < (int64_t)nd)
        red[(size_t)k] = true;
    std::vector<int64_t> perm;
    for (size_t k = 0; k < nd; ++k)
      if (red[k])
        perm.push_back((int64_t)k);
    int64_t lenRed = 1, rest = 1;
    for (size_t k = 0; k < nd; ++k)
      (red[k] ? lenRed : rest) *= dimSize(d, (int64_t)k);
    for (size_t k = 0; k < nd; ++k)
      if (!red[k])
        perm.push_back((int64_t)k);
    int64_t n = v.numel();
    view.ownRe.resize((size_t)n);
    if (hasImag(v))
      view.ownIm.resize((size_t)n);
    // Strides of the source dims, visited in permuted order.
    std::vector<int64_t> stride(nd, 1), pd(nd), cnt(nd, 0);
    for (size_t k = 1; k < nd; ++k)
      stride[k] = stride[k - 1] * dimSize(d, (int64_t)k - 1);
    for (size_t k = 0; k < nd; ++k)
      pd[k] = dimSize(d, perm[k]);
    int64_t src = 0;
    for (int64_t t = 0; t < n; ++t) {
      view.ownRe[(size_t)t] = v.re[(size_t)src];
      if (hasImag(v))
        view.ownIm[(size_t)t] = v.im[(size_t)src];
      for (size_t k = 0; k < nd; ++k) {
        src += stride[(size_t)perm[k]];
        if (++cnt[k] < pd[k])
          break;
        src -= stride[(size_t)perm[k]] * pd[k];
        cnt[k] = 0;
      }
    }
    view.re = view.ownRe.data();
    view.im = hasImag(v) ? view.ownIm.data() : nullptr;
    view.dims = Dims{lenRed, rest};
    dim = 0;
    outDims = d;
    for (size_t k = 0; k < nd; ++k)
      if (red[k])
        outDims[k] = 1;
    normalizeDims(outDims);
    return;
  }
  }
  if (o.mode == Mode::All) {
    outDims = Dims{1, 1};
    return;
  }
  outDims = view.dims;
  if (dim < (int64_t)outDims.size())
    outDims[(size_t)dim] = 1;
  normalizeDims(outDims);
}

enum class Op { Sum, Prod, Mean, Any, All };

ClassId sumClass(const char *fn, const Value &v, OutType t, bool isMean) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  switch (t) {
  case OutType::Double:
    return ClassId::Double;
  case OutType::Native:
    if (v.cls == ClassId::Char)
      throwError("MATLAB:sum:nativeChar",
                 "'native' is not supported for char inputs.");
    return v.cls;
  case OutType::Default:
    if (v.cls == ClassId::Single)
      return ClassId::Single;
    (void)isMean;
    return ClassId::Double;
  }
  return ClassId::Double;
}

/// Folds element `in` of the view into output slot `o` (the loop body of
/// reduceView, instantiated per operation so the inner loops stay tight).
template <Op op>
inline void fold(const double *re, const double *im, int64_t in, double *ore,
                 double *oim, int64_t o, bool omitNan, double *count) {
  double x = re[in];
  if constexpr (op == Op::Sum || op == Op::Mean || op == Op::Prod) {
    if (omitNan && (std::isnan(x) || (im && std::isnan(im[in]))))
      return;
    if (count)
      count[o] += 1;
    if constexpr (op == Op::Prod) {
      if (oim) {
        double xi = im ? im[in] : 0.0, a = ore[o], b = oim[o];
        ore[o] = a * x - b * xi;
        oim[o] = a * xi + b * x;
      } else {
        ore[o] *= x;
      }
    } else {
      ore[o] += x;
      if (oim)
        oim[o] += im ? im[in] : 0.0;
    }
  } else if constexpr (op == Op::Any) {
    // any ignores NaN.
    if ((x != 0 && !std::isnan(x)) ||
        (im && im[in] != 0 && !std::isnan(im[in])))
      ore[o] = 1;
  } else {
    if (x == 0 && !(im && im[in] != 0))
      ore[o] = 0;
  }
}

/// sum/prod/mean/any/all along one dimension of a view.
template <Op op>
ValueRef reduceView(const View &v, int64_t dim, const Dims &outDims,
                    ClassId cls, bool omitNan) {
  DimSplit s = splitAt(v.dims, dim);
  constexpr bool arith = op == Op::Sum || op == Op::Prod || op == Op::Mean;
  bool cplx = arith && v.im != nullptr;
  ValueRef r = newArray(cls, outDims, cplx);
  double *ore = r->re.data();
  double *oim = cplx ? r->im.data() : nullptr;
  int64_t nOut = s.before * s.after;
  const double *re = v.re, *im = v.im;
  std::vector<double> count;
  if (op == Op::Mean && omitNan)
    count.assign((size_t)nOut, 0.0);
  double *pc = count.empty() ? nullptr : count.data();
  constexpr double init = (op == Op::Prod || op == Op::All) ? 1.0 : 0.0;
  std::fill(ore, ore + nOut, init);
  if (s.before == 1) {
    // Contiguous lines (reducing the first dimension).
    if ((op == Op::Sum || op == Op::Mean) && !oim && !omitNan) {
      // (mean divides by the count below; the same order of additions)
      columnSums(re, s.len, s.after, ore);
    } else {
      for (int64_t j = 0; j < s.after; ++j) {
        int64_t base = j * s.len;
        for (int64_t k = 0; k < s.len; ++k)
          fold<op>(re, im, base + k, ore, oim, j, omitNan, pc);
      }
    }
  } else {
    // Strided lines: walk the input in memory order, accumulating into a
    // row of outputs.
    for (int64_t j = 0; j < s.after; ++j) {
      int64_t obase = j * s.before;
      for (int64_t k = 0; k < s.len; ++k) {
        int64_t ibase = (j * s.len + k) * s.before;
        for (int64_t i = 0; i < s.before; ++i)
          fold<op>(re, im, ibase + i, ore, oim, obase + i, omitNan, pc);
      }
    }
  }
  if (op == Op::Mean) {
    for (int64_t o = 0; o < nOut; ++o) {
      double c = pc ? pc[o] : (double)s.len;
      ore[o] /= c;
      if (oim)
        oim[o] /= c;
    }
  }
  if (cls != ClassId::Double) {
    castData(r->re, cls);
    if (cplx)
      castData(r->im, cls);
  }
  if (cplx)
    dropZeroImag(*r);
  return r;
}

Args sumLike(const char *fn, const Args &args, Op op) {
  const Value &v = *args[0];
  bool logicalOut = op == Op::Any || op == Op::All;
  Opts o = parseOpts(args, 1, !logicalOut, !logicalOut, false);
  ClassId cls;
  if (logicalOut) {
    if (!isArithmetic(v))
      undefinedForType(fn, v);
    cls = ClassId::Logical;
  } else {
    cls = sumClass(fn, v, o.outType, op == Op::Mean);
  }
  View view;
  int64_t dim;
  Dims outDims;
  prepare(v, o, true, view, dim, outDims);
  switch (op) {
  case Op::Sum:
    return {reduceView<Op::Sum>(view, dim, outDims, cls, o.omitNan)};
  case Op::Prod:
    return {reduceView<Op::Prod>(view, dim, outDims, cls, o.omitNan)};
  case Op::Mean:
    return {reduceView<Op::Mean>(view, dim, outDims, cls, o.omitNan)};
  case Op::Any:
    return {reduceView<Op::Any>(view, dim, outDims, cls, o.omitNan)};
  case Op::All:
    break;
  }
  return {reduceView<Op::All>(view, dim, outDims, cls, o.omitNan)};
}

} // namespace

Args bi_sum(int, const Args &args) { return sumLike("sum", args, Op::Sum); }
Args bi_prod(int, const Args &args) { return sumLike("prod", args, Op::Prod); }
Args bi_mean(int, const Args &args) { return sumLike("mean", args, Op::Mean); }
Args bi_any(int, const Args &args) { return sumLike("any", args, Op::Any); }
Args bi_all(int, const Args &args) { return sumLike("all", args, Op::All); }

Args bi_nnz(int, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("nnz", v);
  int64_t n = 0;
  bool cplx = hasImag(v);
  for (size_t k = 0; k < v.re.size(); ++k)
    if (v.re[k] != 0 || (cplx && v.im[k] != 0))
      ++n;
  return {makeDouble((double)n)};
}

// ---- max / min
// -------------------------------------------------------------------

namespace {

/// True when (xr, xi) beats (br, bi) for max (or min when !isMax); complex
/// values compare by magnitude, then by phase angle.
inline bool beats(double xr, double xi, double br, double bi, bool cplx,
                  bool isMax) {
  if (!cplx)
    return isMax ? xr > br : xr < br;
  double ax = std::hypot(xr, xi), ab = std::hypot(br, bi);
  if (ax != ab)
    return isMax ? ax > ab : ax < ab;
  double px = std::atan2(xi, xr), pb = std::atan2(bi, br);
  return isMax ? px > pb : px < pb;
}

ClassId extremumClass(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  return v.cls == ClassId::Char ? ClassId::Double : v.cls;
}

Args extremumReduce(const char *fn, int nargout, const Args &args, bool isMax) {
  const Value &v = *args[0];
  ClassId cls = extremumClass(fn, v);
  Opts o = parseOpts(args, 2, false, true, true);
  if (o.mode == Mode::VecDim && nargout > 1)
    throwError("MATLAB:max:vecdimIndex",
               "Index output is not supported with a vector of dimensions.");
  View view;
  int64_t dim;
  Dims outDims;
  prepare(v, o, false, view, dim, outDims);
  DimSplit s = splitAt(view.dims, dim);
  // A reduced dimension of length 0 stays 0 (size(max([])) is [0 0]).
  if (s.len == 0) {
    if (o.mode == Mode::All)
      outDims = Dims{0, 0};
    else if (dim < (int64_t)outDims.size())
      outDims[(size_t)dim] = 0;
  }
  bool cplx = view.im != nullptr;
  ValueRef r = newArray(cls, outDims, cplx);
  ValueRef ix = nargout > 1 ? newArray(ClassId::Double, outDims) : ValueRef();
  if (s.len == 0)
    return nargout > 1 ? Args{r, ix} : Args{r};
  int64_t nOut = s.before * s.after;
  double *ore = r->re.data();
  double *oim = cplx ? r->im.data() : nullptr;
  std::vector<int64_t> best((size_t)nOut, -1); // index along dim, -1 = none
  std::vector<unsigned char> nanHit((size_t)nOut, 0);
  const double *re = view.re, *im = view.im;
  for (int64_t j = 0; j < s.after; ++j) {
    int64_t obase = j * s.before;
    for (int64_t k = 0; k < s.len; ++k) {
      int64_t ibase = (j * s.len + k) * s.before;
      for (int64_t i = 0; i < s.before; ++i) {
        int64_t in = ibase + i, o2 = obase + i;
        double xr = re[in], xi = im ? im[in] : 0.0;
        if (std::isnan(xr) || std::isnan(xi)) {
          if (!o.omitNan && !nanHit[(size_t)o2]) {
            nanHit[(size_t)o2] = 1;
            best[(size_t)o2] = k;
            ore[o2] = NAN;
            if (oim)
              oim[o2] = 0;
          }
          continue;
        }
        if (nanHit[(size_t)o2])
          continue;
        int64_t &b = best[(size_t)o2];
        if (b < 0 || beats(xr, xi, ore[o2], oim ? oim[o2] : 0.0, cplx, isMax)) {
          b = k;
          ore[o2] = xr;
          if (oim)
            oim[o2] = xi;
        }
      }
    }
  }
  for (int64_t o2 = 0; o2 < nOut; ++o2)
    if (best[(size_t)o2] < 0) { // all NaN
      best[(size_t)o2] = 0;
      ore[o2] = NAN;
    }
  if (cplx)
    dropZeroImag(*r);
  if (nargout < 2)
    return {r};
  // 1-based position along dim ('all' reduces a column: a linear index).
  for (int64_t o2 = 0; o2 < nOut; ++o2)
    ix->re[(size_t)o2] = (double)(best[(size_t)o2] + 1);
  return {r, ix};
}

Args extremumPair(const char *fn, const Args &args, bool isMax) {
  const Value &a = *args[0], &b = *args[1];
  bool omitNan = true;
  if (args.size() > 2) {
    const Value &f = *args[2];
    if (textIs(f, "omitnan") || textIs(f, "omitmissing"))
      omitNan = true;
    else if (textIs(f, "includenan") || textIs(f, "includemissing"))
      omitNan = false;
    else
      throwError("MATLAB:max:unknownOption",
                 "Invalid option. Option must be 'omitnan' or 'includenan'.");
  }
  ClassId cls;
  if (a.cls == ClassId::Logical && b.cls == ClassId::Logical)
    cls = ClassId::Logical;
  else
    cls = binaryClass(fn, a, b);
  bool cplx = hasImag(a) || hasImag(b);
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = newArray(cls, out, cplx);
  double *ore = r->re.data();
  double *oim = cplx ? r->im.data() : nullptr;
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    double ar = a.re[(size_t)ia], ai = imagAt(a, ia);
    double br = b.re[(size_t)ib], bi = imagAt(b, ib);
    bool an = std::isnan(ar) || std::isnan(ai);
    bool bn = std::isnan(br) || std::isnan(bi);
    bool takeB;
    if (an || bn)
      takeB = omitNan ? an : bn;
    else
      takeB = beats(br, bi, ar, ai, cplx, isMax);
    ore[k] = takeB ? br : ar;
    if (oim)
      oim[k] = takeB ? bi : ai;
  });
  if (cls != ClassId::Double && cls != ClassId::Logical) {
    castData(r->re, cls);
    if (cplx)
      castData(r->im, cls);
  }
  if (cplx)
    dropZeroImag(*r);
  return {r};
}

Args extremum(const char *fn, int nargout, const Args &args, bool isMax) {
  if (args.size() >= 2) {
    const Value &b = *args[1];
    bool placeholder = b.isEmpty() && b.dims.size() == 2 && b.dims[0] == 0 &&
                       b.dims[1] == 0 && b.cls == ClassId::Double;
    if (args.size() == 2 || !placeholder) {
      if (nargout > 1)
        throwError("MATLAB:max:TwoInTwoOutCaseNotSupported",
                   "%s with two matrices to compare and two output arguments "
                   "is not supported.",
                   isMax ? "MAX" : "MIN");
      return extremumPair(fn, args, isMax);
    }
  }
  return extremumReduce(fn, nargout, args, isMax);
}

} // namespace

Args bi_max(int nargout, const Args &args) {
  return extremum("max", nargout, args, true);
}
Args bi_min(int nargout, const Args &args) {
  return extremum("min", nargout, args, false);
}

// ---- cumulative
// ------------------------------------------------------------------

namespace {

Args cumulative(const char *fn, const Args &args, bool isProd) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  int64_t dim = firstNonSingleton(v.dims);
  bool reverse = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &a = *args[i];
    if (a.cls == ClassId::Char) {
      if (textIs(a, "reverse"))
        reverse = true;
      else if (textIs(a, "forward"))
        reverse = false;
      else
        throwError("MATLAB:cumsum:invalidOption",
                   "Invalid option '%s'. Direction must be 'forward' or "
                   "'reverse'.",
                   textOf(a).c_str());
    } else if (i == 1) {
      dim = dimArg(a);
    } else {
      throwError("MATLAB:cumsum:invalidOption", "Invalid option.");
    }
  }
  ClassId cls = isIntegerClass(v.cls) || v.cls == ClassId::Single
                    ? v.cls
                    : ClassId::Double;
  bool cplx = hasImag(v);
  ValueRef r = newArray(cls, v.dims, cplx);
  DimSplit s = splitAt(v.dims, dim);
  bool isInt = isIntegerClass(cls);
  auto sat = [&](double x) { return isInt ? castValue(x, cls) : x; };
  double *ore = r->re.data();
  double *oim = cplx ? r->im.data() : nullptr;
  for (int64_t j = 0; j < s.after; ++j) {
    for (int64_t kk = 0; kk < s.len; ++kk) {
      int64_t k = reverse ? s.len - 1 - kk : kk;
      int64_t base = (j * s.len + k) * s.before;
      int64_t prev = (j * s.len + (reverse ? k + 1 : k - 1)) * s.before;
      for (int64_t i = 0; i < s.before; ++i) {
        double xr = v.re[(size_t)(base + i)];
        double xi = cplx ? v.im[(size_t)(base + i)] : 0.0;
        if (kk == 0) {
          ore[base + i] = sat(xr);
          if (oim)
            oim[base + i] = xi;
          continue;
        }
        double pr = ore[prev + i], pi = oim ? oim[prev + i] : 0.0;
        if (isProd) {
          ore[base + i] = sat(pr * xr - pi * xi);
          if (oim)
            oim[base + i] = pr * xi + pi * xr;
        } else {
          ore[base + i] = sat(pr + xr);
          if (oim)
            oim[base + i] = pi + xi;
        }
      }
    }
  }
  if (cls == ClassId::Single) {
    castData(r->re, cls);
    if (cplx)
      castData(r->im, cls);
  }
  if (cplx)
    dropZeroImag(*r);
  return {r};
}

} // namespace

Args bi_cumsum(int, const Args &args) {
  return cumulative("cumsum", args, false);
}
Args bi_cumprod(int, const Args &args) {
  return cumulative("cumprod", args, true);
}

// ---- var, std, median
// --------------------------------------------------------------

namespace {

/// Calls f(line, n) for every line of the view along dim, with the line's
/// elements gathered into a buffer (reused across lines). `o` is the output
/// slot of the line.
template <class F>
void forEachLine(const View &v, int64_t dim, std::vector<double> &bufRe,
                 std::vector<double> &bufIm, F f) {
  DimSplit s = splitAt(v.dims, dim);
  bufRe.resize((size_t)s.len);
  if (v.im)
    bufIm.resize((size_t)s.len);
  for (int64_t j = 0; j < s.after; ++j)
    for (int64_t i = 0; i < s.before; ++i) {
      int64_t base = j * s.len * s.before + i;
      for (int64_t k = 0; k < s.len; ++k) {
        bufRe[(size_t)k] = v.re[base + k * s.before];
        if (v.im)
          bufIm[(size_t)k] = v.im[base + k * s.before];
      }
      f(j * s.before + i, s.len);
    }
}

ClassId floatResultClass(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  return v.cls == ClassId::Single ? ClassId::Single : ClassId::Double;
}

Args varianceLike(const char *fn, const Args &args, bool isStd) {
  const Value &v = *args[0];
  ClassId cls = floatResultClass(fn, v);
  double w = 0;
  if (args.size() > 1 &&
      !(args[1]->isEmpty() && args[1]->cls != ClassId::Char)) {
    const Value &wv = *args[1];
    if (!isNumericClass(wv.cls) || wv.numel() != 1 ||
        !(wv.re[0] == 0 || wv.re[0] == 1))
      throwError(
          "MATLAB:var:invalidWgts",
          "W must be 0, 1, or empty (weight vectors are not supported).");
    w = wv.re[0];
  }
  Opts o = parseOpts(args, 2, false, true, false);
  View view;
  int64_t dim;
  Dims outDims;
  prepare(v, o, true, view, dim, outDims);
  ValueRef r = newArray(cls, outDims);
  std::vector<double> re, im;
  bool cplx = view.im != nullptr;
  forEachLine(view, dim, re, im, [&](int64_t out, int64_t n) {
    double sum = 0, sumI = 0;
    int64_t cnt = 0;
    for (int64_t k = 0; k < n; ++k) {
      double x = re[(size_t)k], y = cplx ? im[(size_t)k] : 0.0;
      if (o.omitNan && (std::isnan(x) || std::isnan(y)))
        continue;
      sum += x;
      sumI += y;
      ++cnt;
    }
    double mean = sum / (double)cnt, meanI = sumI / (double)cnt, ss = 0;
    for (int64_t k = 0; k < n; ++k) {
      double x = re[(size_t)k], y = cplx ? im[(size_t)k] : 0.0;
      if (o.omitNan && (std::isnan(x) || std::isnan(y)))
        continue;
      double dx = x - mean, dy = y - meanI;
      ss += dx * dx + dy * dy;
    }
    double var;
    if (cnt == 0)
      var = NAN;
    else if (cnt == 1)
      var = std::isfinite(mean) && std::isfinite(meanI) ? 0.0 : NAN;
    else
      var = ss / (double)(w == 1 ? cnt : cnt - 1);
    r->re[(size_t)out] = isStd ? std::sqrt(var) : var;
  });
  castData(r->re, cls);
  return {r};
}

/// Median of buf[0..n) (reordered); NaN handling is the caller's.
double medianOf(double *buf, int64_t n) {
  if (n == 0)
    return NAN;
  int64_t h = n / 2;
  std::nth_element(buf, buf + h, buf + n);
  double hi = buf[h];
  if (n % 2 == 1)
    return hi;
  double lo = *std::max_element(buf, buf + h);
  if (std::isinf(lo) && std::isinf(hi))
    return lo == hi ? lo : (lo + hi) / 2; // -Inf and Inf give NaN
  return (lo < 0) != (hi < 0) ? (lo + hi) / 2 : lo + (hi - lo) / 2;
}

} // namespace

Args bi_var(int, const Args &args) { return varianceLike("var", args, false); }
Args bi_std(int, const Args &args) { return varianceLike("std", args, true); }

Args bi_median(int, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("median", v);
  if (hasImag(v))
    throwError("MATLAB:median:complexNotSupported",
               "Complex inputs are not supported by median.");
  ClassId cls = isNumericClass(v.cls) ? v.cls : ClassId::Double;
  Opts o = parseOpts(args, 1, false, true, false);
  View view;
  int64_t dim;
  Dims outDims;
  prepare(v, o, true, view, dim, outDims);
  ValueRef r = newArray(cls, outDims);
  std::vector<double> re, im;
  forEachLine(view, dim, re, im, [&](int64_t out, int64_t n) {
    double *b = re.data();
    int64_t m = 0;
    bool nan = false;
    for (int64_t k = 0; k < n; ++k) {
      if (std::isnan(b[k]))
        nan = true;
      else
        b[m++] = b[k];
    }
    r->re[(size_t)out] = nan && !o.omitNan ? NAN : medianOf(b, m);
  });
  castData(r->re, cls);
  return {r};
}

// ---- norm
// ---------------------------------------------------------------------------

extern "C" {
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n,
             double *a, const int *lda, double *s, double *u, const int *ldu,
             double *vt, const int *ldvt, double *work, const int *lwork,
             int *info);
void zgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n,
             double *a, const int *lda, double *s, double *u, const int *ldu,
             double *vt, const int *ldvt, double *work, const int *lwork,
             double *rwork, int *info);
}

namespace {

/// Largest singular value of an m x n (complex when im) matrix via LAPACK.
double largestSingularValue(const Value &v) {
  int m = (int)v.dims[0], n = (int)v.dims[1];
  if (m == 0 || n == 0)
    return 0;
  int one = 1, info = 0, lwork = -1;
  std::vector<double> s((size_t)std::min(m, n));
  double dummy = 0, wq[2] = {0, 0};
  if (!hasImag(v)) {
    std::vector<double> a = v.re;
    dgesvd_("N", "N", &m, &n, a.data(), &m, s.data(), &dummy, &one, &dummy,
            &one, wq, &lwork, &info);
    lwork = std::max(1, (int)wq[0]);
    std::vector<double> work((size_t)lwork);
    dgesvd_("N", "N", &m, &n, a.data(), &m, s.data(), &dummy, &one, &dummy,
            &one, work.data(), &lwork, &info);
  } else {
    std::vector<double> a((size_t)(2 * m * n));
    for (size_t k = 0; k < v.re.size(); ++k) {
      a[2 * k] = v.re[k];
      a[2 * k + 1] = v.im[k];
    }
    std::vector<double> rwork((size_t)(5 * std::min(m, n)));
    zgesvd_("N", "N", &m, &n, a.data(), &m, s.data(), &dummy, &one, &dummy,
            &one, wq, &lwork, rwork.data(), &info);
    lwork = std::max(1, (int)wq[0]);
    std::vector<double> work((size_t)(2 * lwork));
    zgesvd_("N", "N", &m, &n, a.data(), &m, s.data(), &dummy, &one, &dummy,
            &one, work.data(), &lwork, rwork.data(), &info);
  }
  if (info != 0)
    return NAN;
  return s[0];
}

} // namespace

Args bi_norm(int, const Args &args) {
  const Value &v = *args[0];
  if (!isFloatClass(v.cls))
    undefinedForType("norm", v);
  if (v.dims.size() > 2)
    throwError("MATLAB:norm:NDArray", "Input must be 2-D.");
  enum { P, Fro, InfN, NegInf } kind = P;
  double p = 2;
  if (args.size() > 1) {
    const Value &pv = *args[1];
    if (textIs(pv, "fro"))
      kind = Fro;
    else if (textIs(pv, "inf") || textIs(pv, "Inf"))
      kind = InfN;
    else if (isNumericClass(pv.cls) && pv.numel() == 1 && !hasImag(pv)) {
      p = pv.re[0];
      if (std::isinf(p))
        kind = p > 0 ? InfN : NegInf;
      else if (std::isnan(p))
        throwError("MATLAB:norm:unknownNorm",
                   "The only matrix norms available are 1, 2, inf, and 'fro'.");
    } else {
      throwError("MATLAB:norm:unknownNorm",
                 "The only matrix norms available are 1, 2, inf, and 'fro'.");
    }
  }
  int64_t m = v.dims[0], n = v.dims[1];
  bool vec = m == 1 || n == 1;
  size_t N = v.re.size();
  auto mag = [&](size_t k) {
    return std::hypot(v.re[k], imagAt(v, (int64_t)k));
  };
  double r = 0;
  bool anyNaN = false;
  for (size_t k = 0; k < N; ++k)
    if (std::isnan(v.re[k]) || std::isnan(imagAt(v, (int64_t)k)))
      anyNaN = true;
  if (vec || kind == Fro) {
    if (kind == Fro || (kind == P && p == 2)) {
      double scale = 0, ssq = 1; // scaled sum of squares, no overflow
      for (size_t k = 0; k < N; ++k) {
        double a = mag(k);
        if (a == 0 || std::isnan(a))
          continue;
        if (std::isinf(a)) {
          scale = INFINITY;
          break;
        }
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) * (scale / a);
          scale = a;
        } else {
          ssq += (a / scale) * (a / scale);
        }
      }
      r = std::isinf(scale) ? INFINITY : scale * std::sqrt(ssq);
    } else if (kind == InfN) {
      for (size_t k = 0; k < N; ++k)
        r = std::max(r, mag(k));
    } else if (kind == NegInf) {
      r = N ? INFINITY : 0;
      for (size_t k = 0; k < N; ++k)
        r = std::min(r, mag(k));
    } else if (p == 1) {
      for (size_t k = 0; k < N; ++k)
        r += mag(k);
    } else {
      for (size_t k = 0; k < N; ++k)
        r += std::pow(mag(k), p);
      r = std::pow(r, 1 / p);
    }
  } else if (kind == InfN || (kind == P && p == 1)) {
    // Max row sum (Inf) or max column sum (1).
    bool rows = kind == InfN;
    std::vector<double> acc((size_t)(rows ? m : n), 0.0);
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i)
        acc[(size_t)(rows ? i : j)] += mag((size_t)(i + j * m));
    for (double a : acc)
      r = std::max(r, a);
  } else if (kind == P && p == 2) {
    if (m > INT32_MAX || n > INT32_MAX)
      sizeLimit();
    r = anyNaN ? NAN : largestSingularValue(v);
  } else {
    throwError("MATLAB:norm:unknownNorm",
               "The only matrix norms available are 1, 2, inf, and 'fro'.");
  }
  if (anyNaN)
    r = NAN;
  ValueRef out = newArray(
      v.cls == ClassId::Single ? ClassId::Single : ClassId::Double, Dims{1, 1});
  out->re[0] = castValue(r, out->cls);
  return {out};
}

// ---- diff
// -----------------------------------------------------------------------------

Args bi_diff(int, const Args &args) {
  ValueRef cur = args[0];
  if (!isArithmetic(*cur))
    undefinedForType("diff", *cur);
  int64_t order = 1;
  if (args.size() > 1 && !args[1]->isEmpty()) {
    const Value &n = *args[1];
    if (!isArithmetic(n) || n.numel() != 1 || !(n.re[0] >= 0) ||
        n.re[0] != std::floor(n.re[0]))
      throwError("MATLAB:diff:differenceOrderMustBePositiveInteger",
                 "Difference order N must be a positive integer scalar.");
    order = (int64_t)std::min(n.re[0], 9.0e15);
  }
  bool explicitDim = args.size() > 2;
  int64_t dim = explicitDim ? dimArg(*args[2]) : 0;
  ClassId cls = isIntegerClass(cur->cls) || cur->cls == ClassId::Single
                    ? cur->cls
                    : ClassId::Double;
  for (int64_t step = 0; step < order; ++step) {
    const Value &v = *cur;
    if (!explicitDim) {
      // diff(X,n) is diff applied n times, each along the first
      // non-singleton dimension; a scalar differences to [].
      if (v.numel() == 1) {
        cur = newArray(cls, Dims{0, 0});
        break;
      }
      dim = firstNonSingleton(v.dims);
    }
    DimSplit s = splitAt(v.dims, dim);
    Dims out = v.dims;
    if (dim >= (int64_t)out.size()) {
      if (dim >= 64)
        sizeLimit();
      out.resize((size_t)dim + 1, 1);
    }
    out[(size_t)dim] = s.len > 0 ? s.len - 1 : 0;
    bool cplx = hasImag(v);
    ValueRef r = newArray(cls, out, cplx);
    int64_t nlen = s.len > 0 ? s.len - 1 : 0;
    for (int64_t j = 0; j < s.after; ++j)
      for (int64_t k = 0; k < nlen; ++k)
        for (int64_t i = 0; i < s.before; ++i) {
          int64_t a = (j * s.len + k) * s.before + i;
          int64_t b = a + s.before;
          int64_t o = (j * nlen + k) * s.before + i;
          r->re[(size_t)o] = v.re[(size_t)b] - v.re[(size_t)a];
          if (cplx)
            r->im[(size_t)o] = v.im[(size_t)b] - v.im[(size_t)a];
        }
    if (cls != ClassId::Double) {
      castData(r->re, cls);
      if (cplx)
        castData(r->im, cls);
    }
    if (cplx)
      dropZeroImag(*r);
    cur = r;
    if (cur->isEmpty())
      break;
  }
  return {cur};
}

} // namespace runmat::rt
