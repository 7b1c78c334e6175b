//===- Fourier.cpp - fft, ifft, fft2, ifft2, fftshift, ifftshift ----------===//
//
// Transforms through FFTW (Debian's libfftw3, linked statically into runmatc
// executables). Values keep real and imaginary parts in separate arrays,
// which is FFTW's "split" format: one guru plan transforms every vector
// along the chosen dimension in place of a loop, with the vectors' stride
// and the two-level layout (before x len x after) described to it. Plans
// are made with FFTW_ESTIMATE (no timing runs, so results do not depend on
// the machine's load) under a lock: FFTW's planner is not thread-safe.
//
// MATLAB's rules: fft along the first non-singleton dimension, fft(x, n)
// pads with zeros or truncates, the result is complex (also for real data);
// ifft divides by n and returns real data when the input is conjugate
// symmetric along the dimension (or with 'symmetric'); single data gives
// single results (computed in double, then rounded).
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"

#include <fftw3.h>

#include <cmath>
#include <mutex>

namespace runmat::rt {

using namespace support;

namespace {

std::mutex plannerLock;

/// The data as double (any numeric, logical or char class).
void requireTransformable(const char *fn, const Value &x) {
  if (!isArithmetic(x))
    throwErrorIn(fn, ("MATLAB:" + std::string(fn) + ":invalidInput").c_str(),
                 "Input must be numeric or logical.");
}

/// x with dimension `dim` resized to n: truncated, or padded with zeros.
ValueRef resizeAlong(const Value &x, int64_t dim, int64_t n, bool complex) {
  Dims d = x.dims;
  while ((int64_t)d.size() <= dim)
    d.push_back(1);
  DimSplit s = splitAt(x.dims, dim);
  d[(size_t)dim] = n;
  ValueRef r = newArray(ClassId::Double, d, complex);
  int64_t keep = std::min(n, s.len);
  bool cx = hasImag(x);
  for (int64_t a = 0; a < s.after; ++a)
    for (int64_t i = 0; i < keep; ++i)
      for (int64_t b = 0; b < s.before; ++b) {
        size_t src = (size_t)((a * s.len + i) * s.before + b);
        size_t dst = (size_t)((a * n + i) * s.before + b);
        r->re[dst] = x.re[src];
        if (cx)
          r->im[dst] = x.im[src];
      }
  return r;
}

/// Transforms every vector of v (complex, double) along `dim`, in place:
/// forward, or backward without the 1/n scaling.
void transformAlong(Value &v, int64_t dim, bool inverse) {
  DimSplit s = splitAt(v.dims, dim);
  if (s.len == 0 || v.numel() == 0)
    return;
  fftw_iodim len{(int)s.len, (int)s.before, (int)s.before};
  fftw_iodim many[2] = {{(int)s.before, 1, 1},
                        {(int)s.after, (int)(s.before * s.len), (int)(s.before * s.len)}};
  double *re = v.re.data(), *im = v.im.data();
  // The backward transform is the forward one with the parts swapped.
  double *ri = inverse ? im : re, *ii = inverse ? re : im;
  fftw_plan p;
  {
    std::lock_guard<std::mutex> g(plannerLock);
    p = fftw_plan_guru_split_dft(1, &len, 2, many, ri, ii, ri, ii, FFTW_ESTIMATE);
  }
  if (!p)
    throwError("RunMat:fft", "The transform could not be planned.");
  fftw_execute_split_dft(p, ri, ii, ri, ii);
  std::lock_guard<std::mutex> g(plannerLock);
  fftw_destroy_plan(p);
}

/// The transform length and dimension of fft(x, n, dim) / ifft(...).
void lengthAndDim(const char *fn, const Value &x, const Args &args, int64_t &n,
                  int64_t &dim) {
  dim = args.size() > 2 ? dimArg(*args[2]) : firstNonSingleton(x.dims);
  n = dimSize(x.dims, dim);
  if (args.size() > 1 && !args[1]->isEmpty()) {
    const Value &nv = *args[1];
    double k = nv.numel() == 1 && isArithmetic(nv) ? nv.re[0] : -1;
    if (!(k >= 0) || k != std::floor(k))
      throwErrorIn(fn, ("MATLAB:" + std::string(fn) + ":lengthNotNonNegInt").c_str(),
                   "Transform length must be a nonnegative integer scalar.");
    n = (int64_t)k;
  }
}

/// True when every vector along dim is conjugate symmetric: X(0) real and
/// X(k) == conj(X(n - k)) (real data: X(k) == X(n - k)).
bool conjugateSymmetric(const Value &v, int64_t dim) {
  DimSplit s = splitAt(v.dims, dim);
  bool cx = hasImag(v);
  for (int64_t a = 0; a < s.after; ++a)
    for (int64_t b = 0; b < s.before; ++b) {
      auto at = [&](int64_t i) { return (size_t)((a * s.len + i) * s.before + b); };
      for (int64_t i = 0; i < s.len; ++i) {
        int64_t j = i == 0 ? 0 : s.len - i;
        if (v.re[at(i)] != v.re[at(j)] || (cx && v.im[at(i)] != -v.im[at(j)]))
          return false;
      }
    }
  return true;
}

/// Makes every vector along dim conjugate symmetric from its first half:
/// X(0) and (n even) X(n/2) real, X(n - k) = conj(X(k)).
void mirrorConjugate(Value &r, int64_t dim) {
  DimSplit s = splitAt(r.dims, dim);
  for (int64_t a = 0; a < s.after; ++a)
    for (int64_t b = 0; b < s.before; ++b) {
      auto at = [&](int64_t i) { return (size_t)((a * s.len + i) * s.before + b); };
      if (s.len == 0)
        continue;
      r.im[at(0)] = 0;
      for (int64_t i = s.len / 2 + 1; i < s.len; ++i) {
        r.re[at(i)] = r.re[at(s.len - i)];
        r.im[at(i)] = -r.im[at(s.len - i)];
      }
      if (s.len % 2 == 0)
        r.im[at(s.len / 2)] = 0;
    }
}

void finishClass(Value &r, bool single) {
  if (!single)
    return;
  r.cls = ClassId::Single;
  for (double &x : r.re)
    x = (double)(float)x;
  for (double &x : r.im)
    x = (double)(float)x;
}

ValueRef fftAlong(const Value &x, int64_t n, int64_t dim) {
  ValueRef r = resizeAlong(x, dim, n, true);
  transformAlong(*r, dim, false);
  // The transform of real data is conjugate symmetric; the complex DFT
  // gives it only to rounding, so the second half is made the mirror of
  // the first (as a real-input transform computes it): ifft of it is then
  // real again.
  if (!hasImag(x))
    mirrorConjugate(*r, dim);
  finishClass(*r, x.cls == ClassId::Single);
  return r;
}

/// ifft along dim with the 1/n scaling. The output is real when the
/// (resized) data is conjugate symmetric (opt -1), always ('symmetric',
/// opt 1: the second half is taken as the mirror of the first, as MATLAB
/// does), or never (opt 0).
ValueRef ifftAlong(const Value &x, int64_t n, int64_t dim, int opt) {
  ValueRef r = resizeAlong(x, dim, n, true);
  bool symmetric = opt == 1 || (opt == -1 && conjugateSymmetric(*r, dim));
  if (symmetric) // exactly symmetric data is unchanged by the mirroring
    mirrorConjugate(*r, dim);
  transformAlong(*r, dim, true);
  double scale = n > 0 ? 1.0 / (double)n : 1.0;
  for (double &v : r->re)
    v *= scale;
  for (double &v : r->im)
    v *= scale;
  if (symmetric) {
    r->complex = false;
    r->im.clear();
  }
  finishClass(*r, x.cls == ClassId::Single);
  return r;
}

/// 'symmetric' / 'nonsymmetric' as a trailing option: 1, 0, or -1 (none).
int symmetryOption(const char *fn, Args &args) {
  if (args.size() < 2 || !isText(*args.back()))
    return -1;
  int opt;
  if (textIs(*args.back(), "symmetric"))
    opt = 1;
  else if (textIs(*args.back(), "nonsymmetric"))
    opt = 0;
  else
    throwErrorIn(fn, ("MATLAB:" + std::string(fn) + ":invalidOption").c_str(),
                 "Unrecognized option '%s'.", textOf(*args.back()).c_str());
  args.pop_back();
  return opt;
}

/// fftshift/ifftshift: circshift by floor(n/2) (ceil for the inverse) along
/// every dimension, or along `dim`.
Args shiftHalf(const Args &args, bool inverse) {
  const Value &x = *args[0];
  std::vector<double> shift(x.dims.size(), 0.0);
  auto half = [&](int64_t n) {
    return (double)(inverse ? -(n / 2) : n / 2);
  };
  if (args.size() > 1) {
    int64_t dim = dimArg(*args[1]);
    if (dim >= (int64_t)shift.size())
      return {args[0]};
    shift[(size_t)dim] = half(x.dims[(size_t)dim]);
  } else {
    for (size_t d = 0; d < x.dims.size(); ++d)
      shift[d] = half(x.dims[d]);
  }
  return callBuiltin("circshift", 1, {args[0], makeRowVector(shift)});
}

} // namespace

Args bi_fft(int, const Args &args) {
  const Value &x = *args[0];
  requireTransformable("fft", x);
  int64_t n, dim;
  lengthAndDim("fft", x, args, n, dim);
  return {fftAlong(x, n, dim)};
}

Args bi_ifft(int, const Args &argsIn) {
  Args args = argsIn;
  int opt = symmetryOption("ifft", args);
  const Value &x = *args[0];
  requireTransformable("ifft", x);
  int64_t n, dim;
  lengthAndDim("ifft", x, args, n, dim);
  return {ifftAlong(x, n, dim, opt)};
}

namespace {
/// The transform sizes of fft2(X[, m, n]) and ifft2.
void sizes2(const char *fn, const Value &x, const Args &args, int64_t &m, int64_t &n) {
  requireTransformable(fn, x);
  m = dimSize(x.dims, 0);
  n = dimSize(x.dims, 1);
  if (args.size() == 2)
    throwErrorIn(fn, ("MATLAB:" + std::string(fn) + ":invalidInput").c_str(),
                 "%s takes both sizes: %s(X, m, n).", fn, fn);
  if (args.size() > 2) {
    m = (int64_t)scalarOf(*args[1], "m");
    n = (int64_t)scalarOf(*args[2], "n");
  }
}
} // namespace

namespace {

/// Calls f(k, q) for every element k of every m x n page and its 2-D
/// conjugate partner q: (i, j) and (-i mod m, -j mod n).
template <class F>
void forEachPartner(const Value &v, F f) {
  int64_t m = dimSize(v.dims, 0), n = dimSize(v.dims, 1);
  int64_t pages = m * n == 0 ? 0 : v.numel() / (m * n);
  for (int64_t p = 0; p < pages; ++p)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i)
        f((size_t)(p * m * n + j * m + i),
          (size_t)(p * m * n + ((n - j) % n) * m + (m - i) % m));
}

/// True when every page is 2-D conjugate symmetric: X(i, j) == conj(X(-i, -j)).
bool conjugateSymmetric2(const Value &v) {
  bool sym = true, cx = hasImag(v);
  forEachPartner(v, [&](size_t k, size_t q) {
    sym = sym && v.re[k] == v.re[q] && (!cx || v.im[k] == -v.im[q]);
  });
  return sym;
}

/// Makes every page 2-D conjugate symmetric from the partners that come
/// first in memory.
void mirrorConjugate2(Value &r) {
  forEachPartner(r, [&](size_t k, size_t q) {
    if (q == k) {
      r.im[k] = 0;
    } else if (q < k) {
      r.re[k] = r.re[q];
      r.im[k] = -r.im[q];
    }
  });
}

} // namespace

Args bi_fft2(int, const Args &args) {
  const Value &x = *args[0];
  int64_t m, n;
  sizes2("fft2", x, args, m, n);
  ValueRef a = fftAlong(x, m, 0);
  ValueRef r = fftAlong(*a, n, 1);
  // The transform of real data is conjugate symmetric in 2-D; the second
  // transform gives it only to rounding (see fftAlong).
  if (!hasImag(x))
    mirrorConjugate2(*r);
  return {r};
}

Args bi_ifft2(int, const Args &argsIn) {
  Args args = argsIn;
  int opt = symmetryOption("ifft2", args);
  const Value &x = *args[0];
  int64_t m, n;
  sizes2("ifft2", x, args, m, n);
  ValueRef y = resizeAlong(x, 0, m, true);
  y = resizeAlong(*y, 1, n, true);
  // Real when asked ('symmetric': the partners that come first stand for
  // the others) or when the data is conjugate symmetric in 2-D.
  bool symmetric = opt == 1 || (opt == -1 && conjugateSymmetric2(*y));
  if (symmetric)
    mirrorConjugate2(*y);
  ValueRef a = ifftAlong(*y, m, 0, 0);
  ValueRef r = ifftAlong(*a, n, 1, 0);
  if (symmetric) {
    r->complex = false;
    r->im.clear();
  }
  finishClass(*r, x.cls == ClassId::Single);
  return {r};
}

Args bi_fftshift(int, const Args &args) { return shiftHalf(args, false); }
Args bi_ifftshift(int, const Args &args) { return shiftHalf(args, true); }

} // namespace runmat::rt
