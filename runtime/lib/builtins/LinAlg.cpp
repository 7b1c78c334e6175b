//===- LinAlg.cpp - Dense linear algebra builtins --------------------------===//
//
// det inv lu qr chol eig svd rank null orth pinv expm cond on LAPACK (the
// Fortran symbols of libopenblas), for real and complex double matrices
// (single inputs are computed in double and rounded), with MATLAB's output
// forms, option flags, warnings and messages.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/Ops.h"

#include <cblas.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>

using cplx_t = std::complex<double>;

extern "C" {
// LAPACK (Fortran symbols from libopenblas; LAPACKE is not installed). The
// trailing size_t arguments are the hidden lengths of character arguments.
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv,
             int *info);
void zgetrf_(const int *m, const int *n, cplx_t *a, const int *lda, int *ipiv,
             int *info);
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv,
             double *work, const int *lwork, int *info);
void zgetri_(const int *n, cplx_t *a, const int *lda, const int *ipiv,
             cplx_t *work, const int *lwork, int *info);
void dgecon_(const char *norm, const int *n, const double *a, const int *lda,
             const double *anorm, double *rcond, double *work, int *iwork,
             int *info, size_t);
void zgecon_(const char *norm, const int *n, const cplx_t *a, const int *lda,
             const double *anorm, double *rcond, cplx_t *work, double *rwork,
             int *info, size_t);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda,
             int *info, size_t);
void zpotrf_(const char *uplo, const int *n, cplx_t *a, const int *lda,
             int *info, size_t);
void dgeqrf_(const int *m, const int *n, double *a, const int *lda,
             double *tau, double *work, const int *lwork, int *info);
void zgeqrf_(const int *m, const int *n, cplx_t *a, const int *lda,
             cplx_t *tau, cplx_t *work, const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a,
             const int *lda, const double *tau, double *work, const int *lwork,
             int *info);
void zungqr_(const int *m, const int *n, const int *k, cplx_t *a,
             const int *lda, const cplx_t *tau, cplx_t *work, const int *lwork,
             int *info);
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);
void zgeqp3_(const int *m, const int *n, cplx_t *a, const int *lda, int *jpvt,
             cplx_t *tau, cplx_t *work, const int *lwork, double *rwork,
             int *info);
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n,
             double *a, const int *lda, double *s, double *u, const int *ldu,
             double *vt, const int *ldvt, double *work, const int *lwork,
             int *info, size_t, size_t);
void zgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n,
             cplx_t *a, const int *lda, double *s, cplx_t *u, const int *ldu,
             cplx_t *vt, const int *ldvt, cplx_t *work, const int *lwork,
             double *rwork, int *info, size_t, size_t);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a,
             const int *lda, double *w, double *work, const int *lwork,
             int *iwork, const int *liwork, int *info, size_t, size_t);
void zheevd_(const char *jobz, const char *uplo, const int *n, cplx_t *a,
             const int *lda, double *w, cplx_t *work, const int *lwork,
             double *rwork, const int *lrwork, int *iwork, const int *liwork,
             int *info, size_t, size_t);
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a,
            const int *lda, double *wr, double *wi, double *vl,
            const int *ldvl, double *vr, const int *ldvr, double *work,
            const int *lwork, int *info, size_t, size_t);
void zgeev_(const char *jobvl, const char *jobvr, const int *n, cplx_t *a,
            const int *lda, cplx_t *w, cplx_t *vl, const int *ldvl,
            cplx_t *vr, const int *ldvr, cplx_t *work, const int *lwork,
            double *rwork, int *info, size_t, size_t);
void zggev_(const char *jobvl, const char *jobvr, const int *n, cplx_t *a,
            const int *lda, cplx_t *b, const int *ldb, cplx_t *alpha,
            cplx_t *beta, cplx_t *vl, const int *ldvl, cplx_t *vr,
            const int *ldvr, cplx_t *work, const int *lwork, double *rwork,
            int *info, size_t, size_t);
void dsygv_(const int *itype, const char *jobz, const char *uplo, const int *n,
            double *a, const int *lda, double *b, const int *ldb, double *w,
            double *work, const int *lwork, int *info, size_t, size_t);
void zhegv_(const int *itype, const char *jobz, const char *uplo, const int *n,
            cplx_t *a, const int *lda, cplx_t *b, const int *ldb, double *w,
            cplx_t *work, const int *lwork, double *rwork, int *info, size_t,
            size_t);
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda,
            int *ipiv, double *b, const int *ldb, int *info);
void zgesv_(const int *n, const int *nrhs, cplx_t *a, const int *lda,
            int *ipiv, cplx_t *b, const int *ldb, int *info);
}

namespace runmat::rt {

using namespace support;

namespace {

using cplx = std::complex<double>;

// ---- matrices -----------------------------------------------------------------

template <class T> struct Mat {
  int64_t m = 0, n = 0;
  std::vector<T> a;
  Mat() = default;
  Mat(int64_t r, int64_t c) : m(r), n(c), a((size_t)(r * c), T(0)) {}
  T &operator()(int64_t i, int64_t j) { return a[(size_t)(i + j * m)]; }
  const T &operator()(int64_t i, int64_t j) const {
    return a[(size_t)(i + j * m)];
  }
  /// The data for LAPACK/BLAS: optimized kernels may read a little past the
  /// end of small arrays, so the allocation keeps some slack.
  T *data() {
    if (a.capacity() < a.size() + kSlack)
      a.reserve(a.size() + kSlack);
    return a.data();
  }
  static constexpr size_t kSlack = 64;
};

/// v.data() with the same slack.
template <class V> auto *slack(V &v) {
  if (v.capacity() < v.size() + 64)
    v.reserve(v.size() + 64);
  return v.data();
}

template <class V> auto *slack(const V &v) { return v.data(); }

/// A LAPACK work array with the same slack.
template <class T> std::vector<T> workArray(size_t n) {
  std::vector<T> w;
  w.reserve(n + 64);
  w.resize(n);
  return w;
}

template <class T> Mat<T> eye(int64_t m, int64_t n) {
  Mat<T> r(m, n);
  for (int64_t i = 0; i < std::min(m, n); ++i)
    r(i, i) = T(1);
  return r;
}

inline double conjOf(double x) { return x; }
inline cplx conjOf(cplx x) { return std::conj(x); }
inline double realOf(double x) { return x; }
inline double realOf(cplx x) { return x.real(); }
inline bool finiteOf(double x) { return std::isfinite(x); }
inline bool finiteOf(cplx x) {
  return std::isfinite(x.real()) && std::isfinite(x.imag());
}

/// A 2-D floating input: checks class and shape, gives the result class.
struct MatArg {
  bool cx = false;
  ClassId cls = ClassId::Double;
  Mat<double> r;
  Mat<cplx> c;
  int64_t m = 0, n = 0;
};

MatArg matArg(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (isIntegerClass(v.cls))
    throwError("MATLAB:invalidType",
               "Invalid data type. Input matrix must be double or single.");
  if (v.dims.size() > 2)
    throwError("MATLAB:inputMustBe2D", "Input must be 2-D.");
  MatArg a;
  a.cls = v.cls == ClassId::Single ? ClassId::Single : ClassId::Double;
  a.m = v.dims[0];
  a.n = v.dims[1];
  if (a.m > INT_MAX || a.n > INT_MAX)
    sizeLimit();
  a.cx = hasImag(v);
  if (a.cx) {
    a.c = Mat<cplx>(a.m, a.n);
    for (size_t k = 0; k < v.re.size(); ++k)
      a.c.a[k] = cplx(v.re[k], v.im[k]);
  } else {
    a.r.m = a.m;
    a.r.n = a.n;
    a.r.a = v.re;
  }
  return a;
}

void requireSquare(const MatArg &a) {
  if (a.m != a.n)
    throwError("MATLAB:square", "Matrix must be square.");
}

ValueRef toValue(const Mat<double> &x, ClassId c) {
  ValueRef r = newArray(c, Dims{x.m, x.n});
  r->re = x.a;
  castData(r->re, c);
  return r;
}

ValueRef toValue(const Mat<cplx> &x, ClassId c, bool keepComplex = true) {
  ValueRef r = newArray(c, Dims{x.m, x.n}, true);
  for (size_t k = 0; k < x.a.size(); ++k) {
    r->re[k] = x.a[k].real();
    r->im[k] = x.a[k].imag();
  }
  castData(r->re, c);
  castData(r->im, c);
  if (!keepComplex)
    dropZeroImag(*r);
  return r;
}

ValueRef columnOf(const std::vector<double> &v, ClassId c) {
  Mat<double> m((int64_t)v.size(), 1);
  m.a = v;
  return toValue(m, c);
}

template <class T> bool allFiniteM(const Mat<T> &x) {
  for (const T &t : x.a)
    if (!finiteOf(t))
      return false;
  return true;
}

// ---- LAPACK overloads ------------------------------------------------------------

inline int I(int64_t x) { return (int)x; }

void getrf(Mat<double> &A, std::vector<int> &ipiv, int &info) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m);
  ipiv.assign((size_t)std::max(1, std::min(m, n)), 0);
  dgetrf_(&m, &n, A.data(), &lda, slack(ipiv), &info);
}
void getrf(Mat<cplx> &A, std::vector<int> &ipiv, int &info) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m);
  ipiv.assign((size_t)std::max(1, std::min(m, n)), 0);
  zgetrf_(&m, &n, A.data(), &lda, slack(ipiv), &info);
}

void getri(Mat<double> &A, const std::vector<int> &ipiv) {
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1;
  double wq = 0;
  dgetri_(&n, A.data(), &lda, slack(ipiv), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq);
  std::vector<double> w = workArray<double>((size_t)lwork);
  dgetri_(&n, A.data(), &lda, slack(ipiv), slack(w), &lwork, &info);
}
void getri(Mat<cplx> &A, const std::vector<int> &ipiv) {
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1;
  cplx wq = 0;
  zgetri_(&n, A.data(), &lda, slack(ipiv), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> w = workArray<cplx>((size_t)lwork);
  zgetri_(&n, A.data(), &lda, slack(ipiv), slack(w), &lwork, &info);
}

double gecon(Mat<double> &LU, double anorm) {
  int n = I(LU.n), lda = std::max(1, n), info = 0;
  double rcond = 0;
  std::vector<double> w = workArray<double>((size_t)(4 * std::max(1, n)));
  std::vector<int> iw = workArray<int>((size_t)std::max(1, n));
  dgecon_("1", &n, LU.data(), &lda, &anorm, &rcond, slack(w), iw.data(), &info,
          1);
  return rcond;
}
double gecon(Mat<cplx> &LU, double anorm) {
  int n = I(LU.n), lda = std::max(1, n), info = 0;
  double rcond = 0;
  std::vector<cplx> w = workArray<cplx>((size_t)(2 * std::max(1, n)));
  std::vector<double> rw = workArray<double>((size_t)(2 * std::max(1, n)));
  zgecon_("1", &n, LU.data(), &lda, &anorm, &rcond, slack(w), rw.data(), &info,
          1);
  return rcond;
}

int potrf(Mat<double> &A, bool upper) {
  int n = I(A.n), lda = std::max(1, n), info = 0;
  dpotrf_(upper ? "U" : "L", &n, A.data(), &lda, &info, 1);
  return info;
}
int potrf(Mat<cplx> &A, bool upper) {
  int n = I(A.n), lda = std::max(1, n), info = 0;
  zpotrf_(upper ? "U" : "L", &n, A.data(), &lda, &info, 1);
  return info;
}

void geqrf(Mat<double> &A, std::vector<double> &tau) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m), info = 0, lwork = -1;
  tau.assign((size_t)std::max(1, std::min(m, n)), 0.0);
  double wq = 0;
  dgeqrf_(&m, &n, A.data(), &lda, slack(tau), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq);
  std::vector<double> w = workArray<double>((size_t)lwork);
  dgeqrf_(&m, &n, A.data(), &lda, slack(tau), slack(w), &lwork, &info);
}
void geqrf(Mat<cplx> &A, std::vector<cplx> &tau) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m), info = 0, lwork = -1;
  tau.assign((size_t)std::max(1, std::min(m, n)), 0.0);
  cplx wq = 0;
  zgeqrf_(&m, &n, A.data(), &lda, slack(tau), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> w = workArray<cplx>((size_t)lwork);
  zgeqrf_(&m, &n, A.data(), &lda, slack(tau), slack(w), &lwork, &info);
}

void geqp3(Mat<double> &A, std::vector<int> &jpvt, std::vector<double> &tau) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m), info = 0, lwork = -1;
  tau.assign((size_t)std::max(1, std::min(m, n)), 0.0);
  jpvt.assign((size_t)std::max(1, n), 0);
  double wq = 0;
  dgeqp3_(&m, &n, A.data(), &lda, slack(jpvt), slack(tau), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq);
  std::vector<double> w = workArray<double>((size_t)lwork);
  dgeqp3_(&m, &n, A.data(), &lda, slack(jpvt), slack(tau), slack(w), &lwork,
          &info);
}
void geqp3(Mat<cplx> &A, std::vector<int> &jpvt, std::vector<cplx> &tau) {
  int m = I(A.m), n = I(A.n), lda = std::max(1, m), info = 0, lwork = -1;
  tau.assign((size_t)std::max(1, std::min(m, n)), 0.0);
  jpvt.assign((size_t)std::max(1, n), 0);
  std::vector<double> rw = workArray<double>((size_t)(2 * std::max(1, n)));
  cplx wq = 0;
  zgeqp3_(&m, &n, A.data(), &lda, slack(jpvt), slack(tau), &wq, &lwork,
          rw.data(), &info);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> w = workArray<cplx>((size_t)lwork);
  zgeqp3_(&m, &n, A.data(), &lda, slack(jpvt), slack(tau), slack(w), &lwork,
          rw.data(), &info);
}

/// Q (m x cols) from the reflectors in QR (m x n, k reflectors).
void orgqr(Mat<double> &Q, int k, const std::vector<double> &tau) {
  int m = I(Q.m), n = I(Q.n), lda = std::max(1, m), info = 0, lwork = -1;
  if (n == 0 || m == 0)
    return;
  double wq = 0;
  dorgqr_(&m, &n, &k, Q.data(), &lda, slack(tau), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq);
  std::vector<double> w = workArray<double>((size_t)lwork);
  dorgqr_(&m, &n, &k, Q.data(), &lda, slack(tau), slack(w), &lwork, &info);
}
void orgqr(Mat<cplx> &Q, int k, const std::vector<cplx> &tau) {
  int m = I(Q.m), n = I(Q.n), lda = std::max(1, m), info = 0, lwork = -1;
  if (n == 0 || m == 0)
    return;
  cplx wq = 0;
  zungqr_(&m, &n, &k, Q.data(), &lda, slack(tau), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> w = workArray<cplx>((size_t)lwork);
  zungqr_(&m, &n, &k, Q.data(), &lda, slack(tau), slack(w), &lwork, &info);
}

/// Singular values (and vectors when job is 'A' or 'S').
int gesvd(Mat<double> A, char job, std::vector<double> &s, Mat<double> &U,
          Mat<double> &VT) {
  int m = I(A.m), n = I(A.n), k = std::min(m, n), lda = std::max(1, m);
  s.assign((size_t)k, 0.0);
  int ucols = job == 'A' ? m : job == 'S' ? k : 1;
  int vrows = job == 'A' ? n : job == 'S' ? k : 1;
  U = Mat<double>(job == 'N' ? 1 : m, ucols);
  VT = Mat<double>(vrows, job == 'N' ? 1 : n);
  int ldu = std::max(1, (int)U.m), ldvt = std::max(1, vrows);
  int info = 0, lwork = -1;
  double wq = 0;
  char j = job;
  dgesvd_(&j, &j, &m, &n, A.data(), &lda, slack(s), U.data(), &ldu, VT.data(),
          &ldvt, &wq, &lwork, &info, 1, 1);
  lwork = std::max(1, (int)wq);
  std::vector<double> w = workArray<double>((size_t)lwork);
  dgesvd_(&j, &j, &m, &n, A.data(), &lda, slack(s), U.data(), &ldu, VT.data(),
          &ldvt, slack(w), &lwork, &info, 1, 1);
  return info;
}
int gesvd(Mat<cplx> A, char job, std::vector<double> &s, Mat<cplx> &U,
          Mat<cplx> &VT) {
  int m = I(A.m), n = I(A.n), k = std::min(m, n), lda = std::max(1, m);
  s.assign((size_t)k, 0.0);
  int ucols = job == 'A' ? m : job == 'S' ? k : 1;
  int vrows = job == 'A' ? n : job == 'S' ? k : 1;
  U = Mat<cplx>(job == 'N' ? 1 : m, ucols);
  VT = Mat<cplx>(vrows, job == 'N' ? 1 : n);
  int ldu = std::max(1, (int)U.m), ldvt = std::max(1, vrows);
  int info = 0, lwork = -1;
  cplx wq = 0;
  std::vector<double> rw = workArray<double>((size_t)(5 * std::max(1, k)));
  char j = job;
  zgesvd_(&j, &j, &m, &n, A.data(), &lda, slack(s), U.data(), &ldu, VT.data(),
          &ldvt, &wq, &lwork, rw.data(), &info, 1, 1);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> w = workArray<cplx>((size_t)lwork);
  zgesvd_(&j, &j, &m, &n, A.data(), &lda, slack(s), U.data(), &ldu, VT.data(),
          &ldvt, slack(w), &lwork, rw.data(), &info, 1, 1);
  return info;
}

/// Symmetric / Hermitian eigen-decomposition: ascending w, vectors in A.
int syevd(Mat<double> &A, bool vectors, std::vector<double> &w) {
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1, liwork = -1;
  w.assign((size_t)n, 0.0);
  double wq = 0;
  int iwq = 0;
  const char *jobz = vectors ? "V" : "N";
  dsyevd_(jobz, "U", &n, A.data(), &lda, slack(w), &wq, &lwork, &iwq, &liwork,
          &info, 1, 1);
  lwork = std::max(1, (int)wq);
  liwork = std::max(1, iwq);
  std::vector<double> work = workArray<double>((size_t)lwork);
  std::vector<int> iwork = workArray<int>((size_t)liwork);
  dsyevd_(jobz, "U", &n, A.data(), &lda, slack(w), work.data(), &lwork,
          iwork.data(), &liwork, &info, 1, 1);
  return info;
}
int syevd(Mat<cplx> &A, bool vectors, std::vector<double> &w) {
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1, lrwork = -1,
      liwork = -1;
  w.assign((size_t)n, 0.0);
  cplx wq = 0;
  double rwq = 0;
  int iwq = 0;
  const char *jobz = vectors ? "V" : "N";
  zheevd_(jobz, "U", &n, A.data(), &lda, slack(w), &wq, &lwork, &rwq, &lrwork,
          &iwq, &liwork, &info, 1, 1);
  lwork = std::max(1, (int)wq.real());
  lrwork = std::max(1, (int)rwq);
  liwork = std::max(1, iwq);
  std::vector<cplx> work = workArray<cplx>((size_t)lwork);
  std::vector<double> rwork = workArray<double>((size_t)lrwork);
  std::vector<int> iwork = workArray<int>((size_t)liwork);
  zheevd_(jobz, "U", &n, A.data(), &lda, slack(w), work.data(), &lwork,
          rwork.data(), &lrwork, iwork.data(), &liwork, &info, 1, 1);
  return info;
}

/// General eigenproblem (complex form): eigenvalues w, right vectors VR and
/// left vectors VL (each when asked for).
int geev(const Mat<double> &A0, bool left, bool right, std::vector<cplx> &w,
         Mat<cplx> &VL, Mat<cplx> &VR) {
  Mat<double> A = A0;
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1;
  std::vector<double> wr((size_t)n), wi((size_t)n);
  Mat<double> vl(left ? n : 1, left ? n : 1), vr(right ? n : 1, right ? n : 1);
  int ldvl = std::max(1, (int)vl.m), ldvr = std::max(1, (int)vr.m);
  const char *jl = left ? "V" : "N", *jr = right ? "V" : "N";
  double wq = 0;
  dgeev_(jl, jr, &n, A.data(), &lda, slack(wr), slack(wi), vl.data(), &ldvl,
         vr.data(), &ldvr, &wq, &lwork, &info, 1, 1);
  lwork = std::max(1, (int)wq);
  std::vector<double> work = workArray<double>((size_t)lwork);
  dgeev_(jl, jr, &n, A.data(), &lda, slack(wr), slack(wi), vl.data(), &ldvl,
         vr.data(), &ldvr, work.data(), &lwork, &info, 1, 1);
  w.resize((size_t)n);
  for (int k = 0; k < n; ++k)
    w[(size_t)k] = cplx(wr[(size_t)k], wi[(size_t)k]);
  // Conjugate pairs: columns j, j+1 hold the real and imaginary parts.
  auto expand = [&](const Mat<double> &v, Mat<cplx> &out) {
    out = Mat<cplx>(n, n);
    for (int j = 0; j < n; ++j) {
      if (wi[(size_t)j] != 0 && j + 1 < n) {
        for (int i = 0; i < n; ++i) {
          out(i, j) = cplx(v(i, j), v(i, j + 1));
          out(i, j + 1) = cplx(v(i, j), -v(i, j + 1));
        }
        ++j;
      } else {
        for (int i = 0; i < n; ++i)
          out(i, j) = v(i, j);
      }
    }
  };
  if (right)
    expand(vr, VR);
  if (left)
    expand(vl, VL);
  return info;
}
int geev(const Mat<cplx> &A0, bool left, bool right, std::vector<cplx> &w,
         Mat<cplx> &VL, Mat<cplx> &VR) {
  Mat<cplx> A = A0;
  int n = I(A.n), lda = std::max(1, n), info = 0, lwork = -1;
  w.assign((size_t)n, 0.0);
  VL = Mat<cplx>(left ? n : 1, left ? n : 1);
  VR = Mat<cplx>(right ? n : 1, right ? n : 1);
  int ldvl = std::max(1, (int)VL.m), ldvr = std::max(1, (int)VR.m);
  const char *jl = left ? "V" : "N", *jr = right ? "V" : "N";
  std::vector<double> rw = workArray<double>((size_t)(2 * std::max(1, n)));
  cplx wq = 0;
  zgeev_(jl, jr, &n, A.data(), &lda, slack(w), VL.data(), &ldvl, VR.data(),
         &ldvr, &wq, &lwork, rw.data(), &info, 1, 1);
  lwork = std::max(1, (int)wq.real());
  std::vector<cplx> work = workArray<cplx>((size_t)lwork);
  zgeev_(jl, jr, &n, A.data(), &lda, slack(w), VL.data(), &ldvl, VR.data(),
         &ldvr, work.data(), &lwork, rw.data(), &info, 1, 1);
  return info;
}

int gesv(Mat<double> &A, Mat<double> &B) {
  int n = I(A.n), nrhs = I(B.n), lda = std::max(1, n), info = 0;
  std::vector<int> ipiv((size_t)std::max(1, n));
  dgesv_(&n, &nrhs, A.data(), &lda, slack(ipiv), B.data(), &lda, &info);
  return info;
}
int gesv(Mat<cplx> &A, Mat<cplx> &B) {
  int n = I(A.n), nrhs = I(B.n), lda = std::max(1, n), info = 0;
  std::vector<int> ipiv((size_t)std::max(1, n));
  zgesv_(&n, &nrhs, A.data(), &lda, slack(ipiv), B.data(), &lda, &info);
  return info;
}

Mat<double> matmul(Mat<double> A, Mat<double> B) {
  Mat<double> C(A.m, B.n);
  if (A.m == 0 || B.n == 0 || A.n == 0)
    return C;
  int m = I(A.m), n = I(B.n), k = I(A.n);
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0,
              A.data(), m, B.data(), k, 0.0, C.data(), m);
  return C;
}
Mat<cplx> matmul(Mat<cplx> A, Mat<cplx> B) {
  Mat<cplx> C(A.m, B.n);
  if (A.m == 0 || B.n == 0 || A.n == 0)
    return C;
  int m = I(A.m), n = I(B.n), k = I(A.n);
  const cplx one(1.0), zero(0.0);
  cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, &one,
              A.data(), m, B.data(), k, &zero, C.data(), m);
  return C;
}

template <class T> Mat<T> ctrans(const Mat<T> &A) {
  Mat<T> r(A.n, A.m);
  for (int64_t j = 0; j < A.n; ++j)
    for (int64_t i = 0; i < A.m; ++i)
      r(j, i) = conjOf(A(i, j));
  return r;
}

template <class T> double norm1(const Mat<T> &A) {
  double best = 0;
  for (int64_t j = 0; j < A.n; ++j) {
    double s = 0;
    for (int64_t i = 0; i < A.m; ++i)
      s += std::abs(A(i, j));
    if (s > best || std::isnan(s))
      best = s;
  }
  return best;
}

std::string rcondText(double rcond) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%e", rcond);
  return buf;
}

// ---- det, inv ------------------------------------------------------------------

template <class T> T detOf(Mat<T> A) {
  if (A.n == 0)
    return T(1);
  std::vector<int> ipiv;
  int info = 0;
  getrf(A, ipiv, info);
  T d = T(1);
  for (int64_t i = 0; i < A.n; ++i)
    d *= A(i, i);
  bool neg = false;
  for (int64_t i = 0; i < A.n; ++i)
    if (ipiv[(size_t)i] != i + 1)
      neg = !neg;
  return neg ? -d : d;
}

/// inv(A); `warn` prints MATLAB's singularity warnings.
template <class T> Mat<T> invOf(Mat<T> A, bool warn) {
  if (A.n == 0)
    return A;
  double anorm = norm1(A);
  std::vector<int> ipiv;
  int info = 0;
  getrf(A, ipiv, info);
  if (info > 0) {
    if (warn)
      writeWarning("Matrix is singular to working precision.");
    Mat<T> r(A.m, A.n);
    for (T &t : r.a)
      t = T(INFINITY);
    return r;
  }
  double rcond = gecon(A, anorm);
  if (warn && rcond < std::numeric_limits<double>::epsilon())
    writeWarning("Matrix is close to singular or badly scaled. Results may be "
                 "inaccurate. RCOND = " +
                 rcondText(rcond) + ".");
  getri(A, ipiv);
  return A;
}

} // namespace

// The matrix-product forms runmat-fuse-matmul makes: a'*b and a.'*b with
// no transpose formed (GEMM with the first operand transposed), a'*a and
// a.'*a as SYRK.
Args bi_mtimes_htn(int, const Args &args) {
  return {mtimesTransposed(*args[0], *args[1], true, false)};
}
Args bi_mtimes_tn(int, const Args &args) {
  return {mtimesTransposed(*args[0], *args[1], false, false)};
}
Args bi_gram_h(int, const Args &args) {
  return {mtimesTransposed(*args[0], *args[0], true, true)};
}
Args bi_gram_t(int, const Args &args) {
  return {mtimesTransposed(*args[0], *args[0], false, true)};
}

Args bi_det(int, const Args &args) {
  MatArg a = matArg("det", *args[0]);
  requireSquare(a);
  if (a.cx) {
    cplx d = detOf(a.c);
    ValueRef r = newArray(a.cls, Dims{1, 1}, true);
    r->re[0] = castValue(d.real(), a.cls);
    r->im[0] = castValue(d.imag(), a.cls);
    return {r};
  }
  return {makeScalar(detOf(a.r), a.cls)};
}

Args bi_inv(int, const Args &args) {
  MatArg a = matArg("inv", *args[0]);
  requireSquare(a);
  if (a.cx)
    return {toValue(invOf(a.c, true), a.cls)};
  return {toValue(invOf(a.r, true), a.cls)};
}

// ---- lu ---------------------------------------------------------------------------

namespace {

template <class T>
Args luOf(Mat<T> A, ClassId cls, int nargout, bool vectorP) {
  int64_t m = A.m, n = A.n, k = std::min(m, n);
  std::vector<int> ipiv;
  int info = 0;
  if (m > 0 && n > 0)
    getrf(A, ipiv, info);
  if (nargout <= 1)
    return {toValue(A, cls)};
  Mat<T> L(m, k), U(k, n);
  for (int64_t j = 0; j < k; ++j) {
    L(j, j) = T(1);
    for (int64_t i = j + 1; i < m; ++i)
      L(i, j) = A(i, j);
  }
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i <= std::min(j, k - 1); ++i)
      U(i, j) = A(i, j);
  // perm[i]: the row of A that ends up in row i of P*A.
  std::vector<int64_t> perm((size_t)m);
  for (int64_t i = 0; i < m; ++i)
    perm[(size_t)i] = i;
  for (int64_t i = 0; i < k; ++i)
    std::swap(perm[(size_t)i], perm[(size_t)ipiv[(size_t)i] - 1]);
  if (nargout == 2) {
    Mat<T> PL(m, k);
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < k; ++j)
        PL(perm[(size_t)i], j) = L(i, j);
    return {toValue(PL, cls), toValue(U, cls)};
  }
  ValueRef P;
  if (vectorP) {
    Mat<double> p(1, m);
    for (int64_t i = 0; i < m; ++i)
      p.a[(size_t)i] = (double)(perm[(size_t)i] + 1);
    P = toValue(p, ClassId::Double);
  } else {
    Mat<double> p(m, m);
    for (int64_t i = 0; i < m; ++i)
      p(i, perm[(size_t)i]) = 1;
    P = toValue(p, cls);
  }
  return {toValue(L, cls), toValue(U, cls), P};
}

} // namespace

Args bi_lu(int nargout, const Args &args) {
  MatArg a = matArg("lu", *args[0]);
  bool vectorP = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "vector"))
      vectorP = true;
    else if (textIs(o, "matrix"))
      vectorP = false;
    else if (!isArithmetic(o))
      throwError("MATLAB:lu:invalidOption", "Invalid option.");
  }
  if (a.cx)
    return luOf(a.c, a.cls, nargout, vectorP);
  return luOf(a.r, a.cls, nargout, vectorP);
}

// ---- qr ---------------------------------------------------------------------------

namespace {

template <class T>
Args qrOf(const Mat<T> &A0, ClassId cls, int nargout, bool econ, bool econZero,
          bool vectorE) {
  int64_t m = A0.m, n = A0.n, k = std::min(m, n);
  Mat<T> A = A0;
  std::vector<T> tau;
  std::vector<int> jpvt;
  bool pivot = nargout >= 3;
  if (m > 0 && n > 0) {
    if (pivot)
      geqp3(A, jpvt, tau);
    else
      geqrf(A, tau);
  } else {
    jpvt.resize((size_t)n);
    for (int64_t j = 0; j < n; ++j)
      jpvt[(size_t)j] = (int)j + 1;
  }
  int64_t rrows = econ ? k : m;
  Mat<T> R(rrows, n);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i <= std::min(j, rrows - 1); ++i)
      R(i, j) = A(i, j);
  if (nargout <= 1)
    return {toValue(R, cls)};
  int64_t qcols = econ ? k : m;
  Mat<T> Q(m, qcols);
  for (int64_t j = 0; j < std::min(qcols, k); ++j)
    for (int64_t i = 0; i < m; ++i)
      Q(i, j) = A(i, j);
  if (m > 0 && n > 0)
    orgqr(Q, (int)k, tau);
  else
    Q = eye<T>(m, qcols);
  Args out{toValue(Q, cls), toValue(R, cls)};
  if (pivot) {
    if (vectorE || econZero) {
      Mat<double> e(1, n);
      for (int64_t j = 0; j < n; ++j)
        e.a[(size_t)j] = jpvt[(size_t)j];
      out.push_back(toValue(e, ClassId::Double));
    } else {
      Mat<double> E(n, n);
      for (int64_t j = 0; j < n; ++j)
        E(jpvt[(size_t)j] - 1, j) = 1;
      out.push_back(toValue(E, cls));
    }
  }
  return out;
}

} // namespace

Args bi_qr(int nargout, const Args &args) {
  MatArg a = matArg("qr", *args[0]);
  bool econ = false, econZero = false, vectorE = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "econ")) {
      econ = true;
    } else if (textIs(o, "vector")) {
      vectorE = true;
    } else if (textIs(o, "matrix")) {
      vectorE = false;
    } else if (isArithmetic(o) && o.numel() == 1 && o.re[0] == 0) {
      econ = true;
      econZero = true;
    } else {
      throwError("MATLAB:qr:unknownOption",
                 "Use qr(X,0) or qr(X,\"econ\") for economy size "
                 "decomposition.");
    }
  }
  if (a.cx)
    return qrOf(a.c, a.cls, nargout, econ, econZero, vectorE);
  return qrOf(a.r, a.cls, nargout, econ, econZero, vectorE);
}

// ---- chol --------------------------------------------------------------------------

namespace {

template <class T>
Args cholOf(Mat<T> A, ClassId cls, int nargout, bool upper) {
  int64_t n = A.n;
  int info = n > 0 ? potrf(A, upper) : 0;
  if (info > 0 && nargout < 2)
    throwError("MATLAB:posdef", "Matrix must be positive definite.");
  int64_t keep = info > 0 ? info - 1 : n;
  Mat<T> R(keep, keep);
  for (int64_t j = 0; j < keep; ++j)
    for (int64_t i = 0; i < keep; ++i)
      if (upper ? i <= j : i >= j)
        R(i, j) = A(i, j);
  Args out{toValue(R, cls)};
  if (nargout > 1)
    out.push_back(makeDouble((double)std::max(info, 0)));
  return out;
}

} // namespace

Args bi_chol(int nargout, const Args &args) {
  MatArg a = matArg("chol", *args[0]);
  requireSquare(a);
  bool upper = true;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "upper"))
      upper = true;
    else if (textIs(o, "lower"))
      upper = false;
    else if (textIs(o, "vector") || textIs(o, "matrix"))
      continue;
    else
      throwError("MATLAB:chol:invalidOption",
                 "Shape flag must be 'upper' or 'lower'.");
  }
  if (a.cx)
    return cholOf(a.c, a.cls, nargout, upper);
  return cholOf(a.r, a.cls, nargout, upper);
}

// ---- eig ---------------------------------------------------------------------------

namespace {

bool isHermitian(const Mat<double> &A) {
  for (int64_t j = 0; j < A.n; ++j)
    for (int64_t i = 0; i < j; ++i)
      if (A(i, j) != A(j, i))
        return false;
  return true;
}
bool isHermitian(const Mat<cplx> &A) {
  for (int64_t j = 0; j < A.n; ++j) {
    if (A(j, j).imag() != 0)
      return false;
    for (int64_t i = 0; i < j; ++i)
      if (A(i, j) != std::conj(A(j, i)))
        return false;
  }
  return true;
}

Mat<cplx> toComplex(const Mat<double> &A) {
  Mat<cplx> r(A.m, A.n);
  for (size_t k = 0; k < A.a.size(); ++k)
    r.a[k] = A.a[k];
  return r;
}

bool anyImag(const std::vector<cplx> &w) {
  for (const cplx &z : w)
    if (z.imag() != 0)
      return true;
  return false;
}

bool anyImag(const Mat<cplx> &A) {
  for (const cplx &z : A.a)
    if (z.imag() != 0)
      return true;
  return false;
}

/// The eigenvalue outputs: a column, or a diagonal matrix.
ValueRef eigValues(const std::vector<cplx> &w, ClassId cls, bool matrix,
                   bool complex) {
  int64_t n = (int64_t)w.size();
  Mat<cplx> D = matrix ? Mat<cplx>(n, n) : Mat<cplx>(n, 1);
  for (int64_t k = 0; k < n; ++k) {
    if (matrix)
      D(k, k) = w[(size_t)k];
    else
      D.a[(size_t)k] = w[(size_t)k];
  }
  if (!complex) {
    Mat<double> r(D.m, D.n);
    for (size_t k = 0; k < D.a.size(); ++k)
      r.a[k] = D.a[k].real();
    return toValue(r, cls);
  }
  return toValue(D, cls);
}

ValueRef vecsOut(const Mat<cplx> &V, ClassId cls, bool complex) {
  if (!complex) {
    Mat<double> r(V.m, V.n);
    for (size_t k = 0; k < V.a.size(); ++k)
      r.a[k] = V.a[k].real();
    return toValue(r, cls);
  }
  return toValue(V, cls);
}

void normalizeColumns(Mat<cplx> &V) {
  for (int64_t j = 0; j < V.n; ++j) {
    double s = 0;
    for (int64_t i = 0; i < V.m; ++i)
      s += std::norm(V(i, j));
    s = std::sqrt(s);
    if (s > 0)
      for (int64_t i = 0; i < V.m; ++i)
        V(i, j) /= s;
  }
}

/// eig(A, B): symmetric-definite pencils by Cholesky (dsygv/zhegv), others
/// by the QZ algorithm (zggev).
Args eigGeneral(const MatArg &a, const MatArg &b, ClassId cls, int nargout,
                bool matrixOut, bool vectorOut) {
  int64_t n = a.n;
  bool wantV = nargout >= 2;
  bool matrix = nargout >= 2 ? !vectorOut : matrixOut;
  Mat<cplx> A = a.cx ? a.c : toComplex(a.r), B = b.cx ? b.c : toComplex(b.r);
  bool realIn = !a.cx && !b.cx;
  if (isHermitian(A) && isHermitian(B)) {
    // Try the Cholesky route: B must be positive definite.
    Mat<cplx> Bc = B;
    if (n == 0 || potrf(Bc, true) == 0) {
      std::vector<double> w = workArray<double>((size_t)n);
      int N = I(n), lda = std::max(1, N), info = 0, lwork = -1, one = 1;
      const char *jobz = wantV ? "V" : "N";
      if (realIn) {
        Mat<double> Ar = a.r, Br = b.r;
        double wq = 0;
        if (n > 0) {
          dsygv_(&one, jobz, "U", &N, Ar.data(), &lda, Br.data(), &lda,
                 slack(w), &wq, &lwork, &info, 1, 1);
          lwork = std::max(1, (int)wq);
          std::vector<double> work = workArray<double>((size_t)lwork);
          dsygv_(&one, jobz, "U", &N, Ar.data(), &lda, Br.data(), &lda,
                 slack(w), work.data(), &lwork, &info, 1, 1);
        }
        if (info == 0) {
          std::vector<cplx> wc(w.begin(), w.end());
          ValueRef D = eigValues(wc, cls, matrix, false);
          if (!wantV)
            return {D};
          return {toValue(Ar, cls), D};
        }
      } else {
        Mat<cplx> Ac = A, Bz = B;
        cplx wq = 0;
        std::vector<double> rw = workArray<double>((size_t)std::max<int64_t>(1, 3 * n - 2));
        if (n > 0) {
          zhegv_(&one, jobz, "U", &N, Ac.data(), &lda, Bz.data(), &lda,
                 slack(w), &wq, &lwork, rw.data(), &info, 1, 1);
          lwork = std::max(1, (int)wq.real());
          std::vector<cplx> work = workArray<cplx>((size_t)lwork);
          zhegv_(&one, jobz, "U", &N, Ac.data(), &lda, Bz.data(), &lda,
                 slack(w), work.data(), &lwork, rw.data(), &info, 1, 1);
        }
        if (info == 0) {
          std::vector<cplx> wc(w.begin(), w.end());
          ValueRef D = eigValues(wc, cls, matrix, false);
          if (!wantV)
            return {D};
          return {toValue(Ac, cls), D};
        }
      }
    }
  }
  int N = I(n), lda = std::max(1, N), info = 0, lwork = -1;
  std::vector<cplx> alpha((size_t)n), beta((size_t)n);
  Mat<cplx> VL(1, 1), VR(wantV ? n : 1, wantV ? n : 1);
  int ldvr = std::max(1, (int)VR.m), one = 1;
  std::vector<double> rw = workArray<double>((size_t)std::max<int64_t>(1, 8 * n));
  cplx wq = 0;
  const char *jr = wantV ? "V" : "N";
  if (n > 0) {
    zggev_("N", jr, &N, A.data(), &lda, B.data(), &lda, slack(alpha),
           slack(beta), VL.data(), &one, VR.data(), &ldvr, &wq, &lwork,
           rw.data(), &info, 1, 1);
    lwork = std::max(1, (int)wq.real());
    std::vector<cplx> work = workArray<cplx>((size_t)lwork);
    zggev_("N", jr, &N, A.data(), &lda, B.data(), &lda, slack(alpha),
           slack(beta), VL.data(), &one, VR.data(), &ldvr, work.data(), &lwork,
           rw.data(), &info, 1, 1);
  }
  std::vector<cplx> w = workArray<cplx>((size_t)n);
  for (int64_t k = 0; k < n; ++k) {
    cplx al = alpha[(size_t)k], be = beta[(size_t)k];
    if (be == cplx(0))
      w[(size_t)k] = al == cplx(0) ? cplx(NAN, 0) : cplx(INFINITY, 0);
    else
      w[(size_t)k] = al / be;
  }
  bool cxOut = !realIn || anyImag(w);
  ValueRef D = eigValues(w, cls, matrix, cxOut);
  if (!wantV)
    return {D};
  normalizeColumns(VR);
  return {vecsOut(VR, cls, !realIn || anyImag(VR)), D};
}

} // namespace

Args bi_eig(int nargout, const Args &args) {
  MatArg a = matArg("eig", *args[0]);
  requireSquare(a);
  bool matrixOut = false, vectorOut = false;
  const Value *B = nullptr;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (o.cls == ClassId::Char) {
      if (textIs(o, "vector"))
        vectorOut = true, matrixOut = false;
      else if (textIs(o, "matrix"))
        matrixOut = true, vectorOut = false;
      else if (textIs(o, "balance") || textIs(o, "nobalance") ||
               textIs(o, "chol") || textIs(o, "qz"))
        continue;
      else
        throwError("MATLAB:eig:invalidOption", "Invalid option '%s'.",
                   textOf(o).c_str());
    } else if (i == 1) {
      B = &o;
    } else {
      throwError("MATLAB:eig:invalidOption", "Invalid option.");
    }
  }
  bool finite = a.cx ? allFiniteM(a.c) : allFiniteM(a.r);
  if (!finite)
    throwError("MATLAB:eig:matrixWithNaNInf",
               "Input to EIG must not contain NaN or Inf.");
  ClassId cls = a.cls;
  if (B) {
    MatArg b = matArg("eig", *B);
    if (b.m != b.n || b.n != a.n)
      throwError("MATLAB:eig:dimensionMismatch",
                 "Input matrices must be square and of the same size.");
    if (!(b.cx ? allFiniteM(b.c) : allFiniteM(b.r)))
      throwError("MATLAB:eig:matrixWithNaNInf",
                 "Input to EIG must not contain NaN or Inf.");
    if (b.cls == ClassId::Single)
      cls = ClassId::Single;
    return eigGeneral(a, b, cls, nargout, matrixOut, vectorOut);
  }
  int64_t n = a.n;
  bool wantV = nargout >= 2, wantW = nargout >= 3;
  bool matrix = nargout >= 2 ? !vectorOut : matrixOut;
  bool herm = a.cx ? isHermitian(a.c) : isHermitian(a.r);
  if (herm) {
    std::vector<double> w;
    ValueRef V;
    if (a.cx) {
      Mat<cplx> A = a.c;
      if (n > 0)
        syevd(A, wantV, w);
      V = toValue(A, cls);
    } else {
      Mat<double> A = a.r;
      if (n > 0)
        syevd(A, wantV, w);
      V = toValue(A, cls);
    }
    std::vector<cplx> wc(w.begin(), w.end());
    ValueRef D = eigValues(wc, cls, matrix, false);
    if (!wantV)
      return {D};
    Args out{V, D};
    if (wantW)
      out.push_back(V);
    return out;
  }
  std::vector<cplx> w;
  Mat<cplx> VL, VR;
  int info = a.cx ? geev(a.c, wantW, wantV, w, VL, VR)
                  : geev(a.r, wantW, wantV, w, VL, VR);
  if (info > 0)
    throwError("MATLAB:eig:NoConvergence",
               "The QR algorithm failed to converge.");
  bool cxOut = a.cx || anyImag(w);
  ValueRef D = eigValues(w, cls, matrix, cxOut);
  if (!wantV)
    return {D};
  Args out{vecsOut(VR, cls, a.cx || anyImag(VR)), D};
  if (wantW)
    out.push_back(vecsOut(VL, cls, a.cx || anyImag(VL)));
  return out;
}

// ---- svd and its users ---------------------------------------------------------------

namespace {

void svdFiniteCheck(const MatArg &a) {
  if (!(a.cx ? allFiniteM(a.c) : allFiniteM(a.r)))
    throwError("MATLAB:svd:matrixWithNaNInf",
               "Input to SVD must not contain NaN or Inf.");
}

std::vector<double> singularValues(const MatArg &a) {
  svdFiniteCheck(a);
  std::vector<double> s;
  if (a.m == 0 || a.n == 0)
    return s;
  int info;
  if (a.cx) {
    Mat<cplx> U, VT;
    info = gesvd(a.c, 'N', s, U, VT);
  } else {
    Mat<double> U, VT;
    info = gesvd(a.r, 'N', s, U, VT);
  }
  if (info > 0)
    throwError("MATLAB:svd:svdNoConvergence", "SVD did not converge.");
  return s;
}

/// Full or economy SVD: A = U * diag(s) * V'.
template <class T>
void svdFull(const Mat<T> &A, bool econ, std::vector<double> &s, Mat<T> &U,
             Mat<T> &V) {
  int64_t m = A.m, n = A.n, k = std::min(m, n);
  if (m == 0 || n == 0) {
    s.clear();
    U = econ ? Mat<T>(m, k) : eye<T>(m, m);
    V = econ ? Mat<T>(n, k) : eye<T>(n, n);
    return;
  }
  Mat<T> VT;
  int info = gesvd(A, econ ? 'S' : 'A', s, U, VT);
  if (info > 0)
    throwError("MATLAB:svd:svdNoConvergence", "SVD did not converge.");
  V = ctrans(VT);
}

double epsOf(double x) {
  x = std::fabs(x);
  if (!std::isfinite(x))
    return NAN;
  if (x < DBL_MIN)
    return std::ldexp(1.0, -1074);
  int e;
  std::frexp(x, &e);
  return std::ldexp(1.0, e - 53);
}

double maxOf(const std::vector<double> &s) {
  double m = 0;
  for (double x : s)
    m = std::max(m, x);
  return m;
}

} // namespace

Args bi_svd(int nargout, const Args &args) {
  MatArg a = matArg("svd", *args[0]);
  bool econ = false, econZero = false, vectorS = false, matrixS = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "econ"))
      econ = true;
    else if (textIs(o, "vector"))
      vectorS = true, matrixS = false;
    else if (textIs(o, "matrix"))
      matrixS = true, vectorS = false;
    else if (isArithmetic(o) && o.numel() == 1 && o.re[0] == 0)
      econZero = true;
    else
      throwError("MATLAB:svd:invalidOption",
                 "Use svd(X,0) or svd(X,\"econ\") for economy size "
                 "decomposition.");
  }
  if (econZero && a.m > a.n)
    econ = true;
  svdFiniteCheck(a);
  int64_t m = a.m, n = a.n, k = std::min(m, n);
  if (nargout <= 1) {
    std::vector<double> s = singularValues(a);
    if (!matrixS)
      return {columnOf(s, a.cls)};
    int64_t sr = econ ? k : m, sc = econ ? k : n;
    Mat<double> S(sr, sc);
    for (int64_t i = 0; i < k; ++i)
      S(i, i) = s[(size_t)i];
    return {toValue(S, a.cls)};
  }
  std::vector<double> s;
  ValueRef U, V;
  if (a.cx) {
    Mat<cplx> u, v;
    svdFull(a.c, econ, s, u, v);
    U = toValue(u, a.cls);
    V = toValue(v, a.cls);
  } else {
    Mat<double> u, v;
    svdFull(a.r, econ, s, u, v);
    U = toValue(u, a.cls);
    V = toValue(v, a.cls);
  }
  ValueRef S;
  if (vectorS) {
    S = columnOf(s, a.cls);
  } else {
    int64_t sr = econ ? k : m, sc = econ ? k : n;
    Mat<double> Sm(sr, sc);
    for (int64_t i = 0; i < (int64_t)s.size(); ++i)
      Sm(i, i) = s[(size_t)i];
    S = toValue(Sm, a.cls);
  }
  return {U, S, V};
}

Args bi_rank(int, const Args &args) {
  MatArg a = matArg("rank", *args[0]);
  std::vector<double> s = singularValues(a);
  if (s.empty())
    return {makeDouble(0)};
  double tol;
  if (args.size() > 1)
    tol = scalarOf(*args[1], "tolerance");
  else
    tol = (double)std::max(a.m, a.n) *
          (a.cls == ClassId::Single ? std::ldexp(1.0, -23) *
                                          epsOf(maxOf(s)) / std::ldexp(1.0, -52)
                                    : epsOf(maxOf(s)));
  double r = 0;
  for (double x : s)
    if (x > tol)
      r += 1;
  return {makeDouble(r)};
}

namespace {

/// Orthonormal bases from the SVD: the null space (null) or range (orth).
template <class T>
ValueRef basisOf(const Mat<T> &A, ClassId cls, bool nullSpace,
                 const Value *tolArg) {
  int64_t m = A.m, n = A.n;
  std::vector<double> s;
  Mat<T> U, V;
  svdFull(A, !nullSpace, s, U, V);
  double tol;
  double epsc = cls == ClassId::Single ? (double)FLT_EPSILON : DBL_EPSILON;
  if (tolArg)
    tol = scalarOf(*tolArg, "tolerance");
  else
    tol = (double)std::max(m, n) * maxOf(s) * epsc;
  int64_t r = 0;
  for (double x : s)
    if (x > tol)
      ++r;
  if (nullSpace) {
    Mat<T> Z(n, n - r);
    for (int64_t j = r; j < n; ++j)
      for (int64_t i = 0; i < n; ++i)
        Z(i, j - r) = V(i, j);
    return toValue(Z, cls);
  }
  Mat<T> Q(m, r);
  for (int64_t j = 0; j < r; ++j)
    for (int64_t i = 0; i < m; ++i)
      Q(i, j) = U(i, j);
  return toValue(Q, cls);
}

} // namespace

Args bi_null(int, const Args &args) {
  MatArg a = matArg("null", *args[0]);
  svdFiniteCheck(a);
  const Value *tol = nullptr;
  if (args.size() > 1) {
    if (args[1]->cls == ClassId::Char)
      throwError("MATLAB:null:rationalBasis",
                 "The rational basis option 'r' is not supported.");
    tol = args[1].get();
  }
  if (a.cx)
    return {basisOf(a.c, a.cls, true, tol)};
  return {basisOf(a.r, a.cls, true, tol)};
}

Args bi_orth(int, const Args &args) {
  MatArg a = matArg("orth", *args[0]);
  svdFiniteCheck(a);
  const Value *tol = args.size() > 1 ? args[1].get() : nullptr;
  if (a.cx)
    return {basisOf(a.c, a.cls, false, tol)};
  return {basisOf(a.r, a.cls, false, tol)};
}

namespace {

template <class T>
ValueRef pinvOf(const Mat<T> &A, ClassId cls, const Value *tolArg) {
  int64_t m = A.m, n = A.n;
  if (m == 0 || n == 0)
    return toValue(Mat<T>(n, m), cls);
  std::vector<double> s;
  Mat<T> U, V;
  svdFull(A, true, s, U, V);
  double tol = tolArg ? scalarOf(*tolArg, "tolerance")
                      : (double)std::max(m, n) * epsOf(maxOf(s));
  if (cls == ClassId::Single && !tolArg)
    tol = (double)std::max(m, n) * maxOf(s) * (double)FLT_EPSILON;
  int64_t r = 0;
  for (double x : s)
    if (x > tol)
      ++r;
  Mat<T> X(n, m);
  for (int64_t l = 0; l < r; ++l) {
    double inv = 1.0 / s[(size_t)l];
    for (int64_t j = 0; j < m; ++j) {
      T u = conjOf(U(j, l)) * inv;
      for (int64_t i = 0; i < n; ++i)
        X(i, j) += V(i, l) * u;
    }
  }
  return toValue(X, cls);
}

} // namespace

Args bi_pinv(int, const Args &args) {
  MatArg a = matArg("pinv", *args[0]);
  svdFiniteCheck(a);
  const Value *tol = args.size() > 1 ? args[1].get() : nullptr;
  if (a.cx)
    return {pinvOf(a.c, a.cls, tol)};
  return {pinvOf(a.r, a.cls, tol)};
}

Args bi_cond(int, const Args &args) {
  MatArg a = matArg("cond", *args[0]);
  bool two = args.size() < 2 ||
             (isArithmetic(*args[1]) && args[1]->numel() == 1 &&
              args[1]->re[0] == 2);
  if (two) {
    if (a.m == 0 || a.n == 0)
      return {makeScalar(0, a.cls)};
    std::vector<double> s = singularValues(a);
    double mn = INFINITY, mx = 0;
    for (double x : s) {
      mn = std::min(mn, x);
      mx = std::max(mx, x);
    }
    return {makeScalar(mn == 0 ? INFINITY : mx / mn, a.cls)};
  }
  if (a.m != a.n)
    throwError("MATLAB:cond:normMismatchSize", "A is rectangular.  Use the 2 norm.");
  if (a.n == 0)
    return {makeScalar(0, a.cls)};
  ValueRef inv = a.cx ? toValue(invOf(a.c, false), ClassId::Double)
                      : toValue(invOf(a.r, false), ClassId::Double);
  double n1 = scalarOf(*bi_norm(1, Args{args[0], args[1]})[0]);
  double n2 = scalarOf(*bi_norm(1, Args{inv, args[1]})[0]);
  return {makeScalar(n1 * n2, a.cls)};
}

// ---- expm ------------------------------------------------------------------------------

namespace {

template <class T> Mat<T> addScaled(const std::vector<const Mat<T> *> &ms,
                                    const std::vector<double> &cs, int64_t n,
                                    double idCoef) {
  Mat<T> r(n, n);
  for (size_t t = 0; t < ms.size(); ++t)
    for (size_t k = 0; k < r.a.size(); ++k)
      r.a[k] += cs[t] * ms[t]->a[k];
  for (int64_t i = 0; i < n; ++i)
    r(i, i) += idCoef;
  return r;
}

/// Scaling and squaring with a [13/13] Pade approximant (Higham 2005).
template <class T> Mat<T> expmOf(Mat<T> A) {
  int64_t n = A.n;
  if (n == 0)
    return A;
  bool diag = true;
  for (int64_t j = 0; j < n && diag; ++j)
    for (int64_t i = 0; i < n; ++i)
      if (i != j && A(i, j) != T(0)) {
        diag = false;
        break;
      }
  if (diag) {
    Mat<T> r(n, n);
    for (int64_t i = 0; i < n; ++i)
      r(i, i) = std::exp(A(i, i));
    return r;
  }
  if (!allFiniteM(A)) {
    Mat<T> r(n, n);
    for (T &t : r.a)
      t = T(NAN);
    return r;
  }
  static const double theta[] = {1.495585217958292e-2, 2.539398330063230e-1,
                                 9.504178996162932e-1, 2.097847961257068e0,
                                 5.371920351148152e0};
  static const int degrees[] = {3, 5, 7, 9, 13};
  static const double b3[] = {120, 60, 12, 1};
  static const double b5[] = {30240, 15120, 3360, 420, 30, 1};
  static const double b7[] = {17297280, 8648640, 1995840, 277200,
                              25200,    1512,    56,      1};
  static const double b9[] = {17643225600., 8821612800., 2075673600.,
                              302702400.,   30270240.,   2162160.,
                              110880.,      3960.,       90.,
                              1.};
  static const double b13[] = {64764752532480000.,
                               32382376266240000.,
                               7771770303897600.,
                               1187353796428800.,
                               129060195264000.,
                               10559470521600.,
                               670442572800.,
                               33522128640.,
                               1323241920.,
                               40840800.,
                               960960.,
                               16380.,
                               182.,
                               1.};
  double nrm = norm1(A);
  Mat<T> U, V;
  int s = 0;
  int which = -1;
  for (int t = 0; t < 4; ++t)
    if (nrm <= theta[t]) {
      which = t;
      break;
    }
  Mat<T> A2 = matmul(A, A);
  if (which >= 0) {
    int m = degrees[which];
    const double *b = which == 0 ? b3 : which == 1 ? b5 : which == 2 ? b7 : b9;
    // Powers A^2, A^4, ... up to A^(m-1).
    std::vector<Mat<T>> pw;
    pw.push_back(A2);
    for (int k = 4; k <= m - 1; k += 2)
      pw.push_back(matmul(pw.back(), A2));
    Mat<T> Uin(n, n), Vm(n, n);
    for (int64_t i = 0; i < n; ++i) {
      Uin(i, i) = b[1];
      Vm(i, i) = b[0];
    }
    for (size_t p = 0; p < pw.size(); ++p) {
      int e = 2 * (int)(p + 1);
      for (size_t k = 0; k < Uin.a.size(); ++k) {
        Uin.a[k] += b[e + 1] * pw[p].a[k];
        Vm.a[k] += b[e] * pw[p].a[k];
      }
    }
    U = matmul(A, Uin);
    V = Vm;
  } else {
    double r = nrm / theta[4];
    s = r > 1 ? (int)std::ceil(std::log2(r)) : 0;
    if (s > 1000)
      s = 1000;
    if (s > 0) {
      double f = std::ldexp(1.0, -s);
      for (T &t : A.a)
        t *= f;
      A2 = matmul(A, A);
    }
    Mat<T> A4 = matmul(A2, A2), A6 = matmul(A4, A2);
    const double *b = b13;
    Mat<T> inner = addScaled<T>({&A6, &A4, &A2}, {b[13], b[11], b[9]}, n, 0);
    Mat<T> Uin = matmul(A6, inner);
    Mat<T> rest = addScaled<T>({&A6, &A4, &A2}, {b[7], b[5], b[3]}, n, b[1]);
    for (size_t k = 0; k < Uin.a.size(); ++k)
      Uin.a[k] += rest.a[k];
    U = matmul(A, Uin);
    Mat<T> vin = addScaled<T>({&A6, &A4, &A2}, {b[12], b[10], b[8]}, n, 0);
    V = matmul(A6, vin);
    Mat<T> vrest = addScaled<T>({&A6, &A4, &A2}, {b[6], b[4], b[2]}, n, b[0]);
    for (size_t k = 0; k < V.a.size(); ++k)
      V.a[k] += vrest.a[k];
  }
  Mat<T> P(n, n), Q(n, n);
  for (size_t k = 0; k < P.a.size(); ++k) {
    P.a[k] = V.a[k] + U.a[k];
    Q.a[k] = V.a[k] - U.a[k];
  }
  gesv(Q, P);
  for (int k = 0; k < s; ++k)
    P = matmul(P, P);
  return P;
}

} // namespace

Args bi_expm(int, const Args &args) {
  MatArg a = matArg("expm", *args[0]);
  requireSquare(a);
  if (a.cx)
    return {toValue(expmOf(a.c), a.cls)};
  return {toValue(expmOf(a.r), a.cls)};
}

} // namespace runmat::rt
