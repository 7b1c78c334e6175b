//===- FileIo.cpp - Files and folders: fopen ... fwrite, cd, dir, mkdir ---===//
//
// Files opened by fopen get identifiers from 3 up (0, 1 and 2 are standard
// input, output and error) in a table of stdio streams. fprintf(fid, ...)
// writes through writeFile. Text is bytes: fgetl/fgets/fileread give one
// char per byte of UTF-8 decoded text. fread/fwrite take MATLAB's precision
// strings ('uint8', 'int16', 'double', 'char', 'uint8=>char', '*int16',
// ...) in the machine's byte order (little-endian). fscanf, textscan and
// byte-order arguments are not supported.
//
// Folders: cd, dir, mkdir, rmdir, delete, isfolder, isfile, tempdir,
// tempname, getenv/setenv. Functions on the path are found when the
// program is compiled, so cd changes where files are read and written,
// not which functions a call finds.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Io.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <glob.h>
#include <map>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace runmat::rt {

using namespace support;

namespace {

struct OpenFile {
  FILE *f;
  std::string name, mode;
};

std::map<int, OpenFile> &files() {
  static std::map<int, OpenFile> table;
  return table;
}

[[noreturn]] void badFid(const char *fn) {
  throwErrorIn(fn, "MATLAB:FileIO:InvalidFid",
               "Invalid file identifier. Use fopen to generate a valid file "
               "identifier.");
}

/// The open file behind a fid argument.
OpenFile &fileArg(const char *fn, const Value &v) {
  if (!isArithmetic(v) || v.numel() != 1 || hasImag(v))
    badFid(fn);
  double d = v.re[0];
  auto it = files().find((int)d);
  if (d != std::floor(d) || it == files().end())
    badFid(fn);
  return it->second;
}

/// A precision string: the bytes per element, the class read or written,
/// and the class fread returns.
struct Precision {
  int bytes = 1;
  ClassId source = ClassId::UInt8, output = ClassId::Double;
  bool isFloat = false;
};

ClassId precisionClass(const std::string &p, int &bytes, bool &isFloat) {
  struct Row {
    const char *name;
    ClassId cls;
    int bytes;
    bool fl;
  };
  static const Row rows[] = {
      {"uint8", ClassId::UInt8, 1, false},    {"uchar", ClassId::UInt8, 1, false},
      {"unsigned char", ClassId::UInt8, 1, false},
      {"int8", ClassId::Int8, 1, false},      {"schar", ClassId::Int8, 1, false},
      {"signed char", ClassId::Int8, 1, false},
      {"char", ClassId::Char, 1, false},      {"char*1", ClassId::Char, 1, false},
      {"uint16", ClassId::UInt16, 2, false},  {"ushort", ClassId::UInt16, 2, false},
      {"int16", ClassId::Int16, 2, false},    {"short", ClassId::Int16, 2, false},
      {"uint32", ClassId::UInt32, 4, false},  {"uint", ClassId::UInt32, 4, false},
      {"int32", ClassId::Int32, 4, false},    {"int", ClassId::Int32, 4, false},
      {"uint64", ClassId::UInt64, 8, false},  {"int64", ClassId::Int64, 8, false},
      {"single", ClassId::Single, 4, true},   {"float32", ClassId::Single, 4, true},
      {"float", ClassId::Single, 4, true},    {"double", ClassId::Double, 8, true},
      {"float64", ClassId::Double, 8, true},
  };
  for (const Row &r : rows)
    if (p == r.name) {
      bytes = r.bytes;
      isFloat = r.fl;
      return r.cls;
    }
  throwError("MATLAB:fread:InvalidPrecision", "Invalid precision '%s'.", p.c_str());
}

Precision parsePrecision(const std::string &text) {
  Precision pr;
  std::string s = text;
  bool keep = !s.empty() && s[0] == '*';
  if (keep)
    s = s.substr(1);
  std::string out;
  size_t arrow = s.find("=>");
  if (arrow != std::string::npos) {
    out = s.substr(arrow + 2);
    s = s.substr(0, arrow);
  }
  pr.source = precisionClass(s, pr.bytes, pr.isFloat);
  if (keep)
    pr.output = pr.source;
  else if (!out.empty()) {
    int b;
    bool f;
    pr.output = precisionClass(out, b, f);
  }
  return pr;
}

/// One element of `bytes` bytes of class c as a double.
double decode(const unsigned char *p, const Precision &pr) {
  switch (pr.source) {
  case ClassId::UInt8:
  case ClassId::Char:
    return p[0];
  case ClassId::Int8:
    return (int8_t)p[0];
  case ClassId::UInt16: {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case ClassId::Int16: {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case ClassId::UInt32: {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case ClassId::Int32: {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case ClassId::UInt64: {
    uint64_t v;
    std::memcpy(&v, p, 8);
    if (v > (1ULL << 53))
      throwError("RunMat:int64Range",
                 "fread of uint64 values beyond 2^53 is not supported yet.");
    return (double)v;
  }
  case ClassId::Int64: {
    int64_t v;
    std::memcpy(&v, p, 8);
    if (v > (1LL << 53) || v < -(1LL << 53))
      throwError("RunMat:int64Range",
                 "fread of int64 values beyond 2^53 is not supported yet.");
    return (double)v;
  }
  case ClassId::Single: {
    float v;
    std::memcpy(&v, p, 4);
    return v;
  }
  default: {
    double v;
    std::memcpy(&v, p, 8);
    return v;
  }
  }
}

void encode(double x, const Precision &pr, unsigned char *p) {
  ClassId c = pr.source == ClassId::Char ? ClassId::UInt8 : pr.source;
  if (pr.isFloat) {
    if (c == ClassId::Single) {
      float f = (float)x;
      std::memcpy(p, &f, 4);
    } else {
      std::memcpy(p, &x, 8);
    }
    return;
  }
  double v = castElement(x, c); // rounded and saturated to the class
  switch (pr.bytes) {
  case 1: {
    uint8_t b = c == ClassId::Int8 ? (uint8_t)(int8_t)v : (uint8_t)v;
    p[0] = b;
    break;
  }
  case 2: {
    uint16_t b = c == ClassId::Int16 ? (uint16_t)(int16_t)v : (uint16_t)v;
    std::memcpy(p, &b, 2);
    break;
  }
  case 4: {
    uint32_t b = c == ClassId::Int32 ? (uint32_t)(int32_t)v : (uint32_t)v;
    std::memcpy(p, &b, 4);
    break;
  }
  default: {
    uint64_t b = c == ClassId::Int64 ? (uint64_t)(int64_t)v : (uint64_t)v;
    std::memcpy(p, &b, 8);
    break;
  }
  }
}

/// A line of f, with its newline when `keep`; false at the end of file.
bool readLine(FILE *f, std::string &line, bool keep) {
  line.clear();
  int c;
  bool any = false;
  while ((c = std::fgetc(f)) != EOF) {
    any = true;
    if (c == '\n') {
      if (keep)
        line.push_back('\n');
      break;
    }
    line.push_back((char)c);
  }
  return any;
}

} // namespace

bool writeFile(int fid, const std::string &bytes) {
  auto it = files().find(fid);
  if (it == files().end())
    return false;
  std::fwrite(bytes.data(), 1, bytes.size(), it->second.f);
  return true;
}

Args bi_fopen(int nargout, const Args &args) {
  const Value &a = *args[0];
  if (isArithmetic(a) && !isText(a)) {
    // fopen(fid): the file's name and permission.
    auto it = files().find((int)(a.numel() == 1 ? a.re[0] : -1));
    if (it == files().end())
      return {makeString(""), makeString("")};
    return {makeString(it->second.name), makeString(it->second.mode)};
  }
  if (!isText(a))
    throwErrorIn("fopen", "MATLAB:fopen:InvalidInput",
                 "File name must be a string scalar or character vector.");
  std::string name = textOf(a), mode = "r";
  if (args.size() > 1) {
    if (!isText(*args[1]))
      throwErrorIn("fopen", "MATLAB:fopen:InvalidPermission",
                   "Invalid permission.");
    mode = textOf(*args[1]);
  }
  std::string m;
  for (char c : mode)
    if (c != 't' && c != 'b')
      m.push_back(c);
  if (m != "r" && m != "w" && m != "a" && m != "r+" && m != "w+" && m != "a+" &&
      m != "W" && m != "A")
    throwErrorIn("fopen", "MATLAB:fopen:InvalidPermission",
                 "Invalid permission '%s'.", mode.c_str());
  if (m == "W" || m == "A")
    m = (char)std::tolower(m[0]);
  FILE *f = std::fopen(name.c_str(), (m + "b").c_str());
  if (!f) {
    Args out{makeDouble(-1)};
    if (nargout > 1)
      out.push_back(makeString(std::strerror(errno)));
    return out;
  }
  int fid = 3;
  while (files().count(fid))
    ++fid;
  files()[fid] = OpenFile{f, name, mode};
  Args out{makeDouble(fid)};
  if (nargout > 1)
    out.push_back(makeString(""));
  return out;
}

Args bi_fclose(int, const Args &args) {
  const Value &a = *args[0];
  if (isText(a)) {
    if (!textIs(a, "all"))
      badFid("fclose");
    for (auto &[fid, of] : files())
      std::fclose(of.f);
    files().clear();
    return {makeDouble(0)};
  }
  OpenFile &of = fileArg("fclose", a);
  int rc = std::fclose(of.f);
  files().erase((int)a.re[0]);
  return {makeDouble(rc == 0 ? 0 : -1)};
}

namespace {
Args lineBuiltin(const char *fn, const Args &args, bool keep) {
  OpenFile &of = fileArg(fn, *args[0]);
  std::string line;
  if (!readLine(of.f, line, keep))
    return {makeDouble(-1)};
  return {makeString(line)};
}
} // namespace

Args bi_fgetl(int, const Args &args) { return lineBuiltin("fgetl", args, false); }
Args bi_fgets(int, const Args &args) { return lineBuiltin("fgets", args, true); }

Args bi_feof(int, const Args &args) {
  OpenFile &of = fileArg("feof", *args[0]);
  int c = std::fgetc(of.f);
  if (c != EOF)
    std::ungetc(c, of.f);
  return {makeBool(c == EOF)};
}

Args bi_ftell(int, const Args &args) {
  OpenFile &of = fileArg("ftell", *args[0]);
  return {makeDouble((double)std::ftell(of.f))};
}

Args bi_fseek(int, const Args &args) {
  OpenFile &of = fileArg("fseek", *args[0]);
  double off = scalarOf(*args[1], "offset");
  int origin = SEEK_SET;
  if (args.size() > 2) {
    const Value &o = *args[2];
    if (isText(o))
      origin = textIs(o, "bof") ? SEEK_SET : textIs(o, "cof") ? SEEK_CUR
               : textIs(o, "eof") ? SEEK_END
                                  : -1;
    else {
      double d = scalarOf(o, "origin");
      origin = d == -1 ? SEEK_SET : d == 0 ? SEEK_CUR : d == 1 ? SEEK_END : -1;
    }
    if (origin == -1)
      throwErrorIn("fseek", "MATLAB:fseek:InvalidOrigin", "Invalid origin.");
  }
  return {makeDouble(std::fseek(of.f, (long)off, origin) == 0 ? 0 : -1)};
}

Args bi_frewind(int, const Args &args) {
  OpenFile &of = fileArg("frewind", *args[0]);
  std::rewind(of.f);
  return {};
}

Args bi_fread(int nargout, const Args &args) {
  OpenFile &of = fileArg("fread", *args[0]);
  // fread(fid[, size][, precision]): size n, Inf or [m n] (n may be Inf).
  int64_t rows = -1, cols = 1;
  bool column = true;
  size_t next = 1;
  if (args.size() > 1 && !isText(*args[1])) {
    const Value &s = *args[1];
    if (s.numel() == 1) {
      if (!std::isinf(s.re[0]))
        rows = (int64_t)s.re[0];
    } else if (s.numel() == 2) {
      rows = (int64_t)s.re[0];
      cols = std::isinf(s.re[1]) ? -1 : (int64_t)s.re[1];
      column = false;
    } else {
      throwErrorIn("fread", "MATLAB:fread:InvalidSize", "Invalid size.");
    }
    next = 2;
  }
  Precision pr;
  if (args.size() > next)
    pr = parsePrecision(textOf(*args[next]));
  int64_t want = rows < 0 || cols < 0 ? -1 : rows * cols;
  std::vector<double> vals;
  std::vector<unsigned char> buf((size_t)pr.bytes);
  while (want < 0 || (int64_t)vals.size() < want) {
    if (std::fread(buf.data(), 1, buf.size(), of.f) != buf.size())
      break;
    vals.push_back(decode(buf.data(), pr));
  }
  int64_t count = (int64_t)vals.size();
  Dims d;
  if (column) {
    d = {count, 1};
  } else {
    int64_t c = cols < 0 ? (count + rows - 1) / std::max<int64_t>(rows, 1) : cols;
    if (cols < 0 && rows > 0)
      vals.resize((size_t)(rows * c), 0.0);
    else if (cols >= 0)
      vals.resize((size_t)(rows * cols), 0.0);
    d = {rows, c};
  }
  ValueRef r = newArray(pr.output, d);
  for (size_t k = 0; k < vals.size() && k < r->re.size(); ++k)
    r->re[k] = pr.output == ClassId::Double ? vals[k] : castElement(vals[k], pr.output);
  Args out{r};
  if (nargout > 1)
    out.push_back(makeDouble((double)count));
  return out;
}

Args bi_fwrite(int, const Args &args) {
  OpenFile &of = fileArg("fwrite", *args[0]);
  const Value &a = *args[1];
  if (!isArithmetic(a))
    throwErrorIn("fwrite", "MATLAB:fwrite:InvalidInput",
                 "Data must be numeric, logical or char.");
  Precision pr;
  if (args.size() > 2)
    pr = parsePrecision(textOf(*args[2]));
  std::vector<unsigned char> bytes((size_t)(a.numel() * pr.bytes));
  for (int64_t k = 0; k < a.numel(); ++k)
    encode(a.re[(size_t)k], pr, bytes.data() + k * pr.bytes);
  size_t n = std::fwrite(bytes.data(), 1, bytes.size(), of.f);
  return {makeDouble((double)(n / (size_t)pr.bytes))};
}

Args bi_fileread(int, const Args &args) {
  if (!isText(*args[0]))
    throwErrorIn("fileread", "MATLAB:fileread:InvalidInput",
                 "File name must be a string scalar or character vector.");
  std::string name = textOf(*args[0]);
  FILE *f = std::fopen(name.c_str(), "rb");
  if (!f)
    throwErrorIn("fileread", "MATLAB:fileread:cannotOpenFile",
                 "Could not open file %s. %s.", name.c_str(), std::strerror(errno));
  std::string text;
  char chunk[65536];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0)
    text.append(chunk, n);
  std::fclose(f);
  return {makeString(text)};
}

// ---- folders -------------------------------------------------------------------

namespace {

std::string currentFolder() {
  return textOf(*callBuiltin("pwd", 1, {})[0]);
}

/// MATLAB's date text of a file time: 'dd-mmm-yyyy HH:MM:SS' (local time).
std::string dateText(time_t t) {
  struct tm lt;
  localtime_r(&t, &lt);
  char buf[32];
  std::strftime(buf, sizeof buf, "%d-%b-%Y %H:%M:%S", &lt);
  return buf;
}

double dateNumber(time_t t) {
  struct tm lt;
  localtime_r(&t, &lt);
  return 719529.0 + ((double)t + (double)lt.tm_gmtoff) / 86400.0;
}

struct DirEntry {
  std::string name, folder;
  struct stat st;
};

/// A folder's absolute path without links or `..` (the name itself when it
/// cannot be resolved).
std::string realFolder(const std::string &dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::canonical(dir, ec);
  return ec ? dir : p.string();
}

/// The entries dir(name) lists: a folder's contents ('.' and '..' first,
/// then by character code), or the files a wildcard pattern matches.
std::vector<DirEntry> listing(const std::string &name) {
  std::vector<DirEntry> out;
  struct stat st;
  if (name.find_first_of("*?[") == std::string::npos && stat(name.c_str(), &st) == 0 &&
      S_ISDIR(st.st_mode)) {
    std::vector<std::string> names = {".", ".."};
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(name, ec))
      names.push_back(entry.path().filename().string());
    std::string folder = realFolder(name);
    for (std::string &p : names) {
      DirEntry e;
      e.name = p;
      e.folder = folder;
      std::string full = folder + "/" + e.name;
      if (stat(full.c_str(), &e.st) != 0)
        continue;
      out.push_back(e);
    }
    std::sort(out.begin() + std::min<size_t>(2, out.size()), out.end(),
              [](const DirEntry &a, const DirEntry &b) { return a.name < b.name; });
    return out;
  }
  glob_t g;
  if (glob(name.c_str(), 0, nullptr, &g) == 0) {
    for (size_t k = 0; k < g.gl_pathc; ++k) {
      std::string p = g.gl_pathv[k];
      DirEntry e;
      if (stat(p.c_str(), &e.st) != 0)
        continue;
      size_t slash = p.find_last_of('/');
      e.name = slash == std::string::npos ? p : p.substr(slash + 1);
      e.folder = realFolder(slash == std::string::npos ? "."
                                                      : p.substr(0, std::max<size_t>(slash, 1)));
      out.push_back(e);
    }
    globfree(&g);
  }
  std::sort(out.begin(), out.end(),
            [](const DirEntry &a, const DirEntry &b) { return a.name < b.name; });
  return out;
}

std::string textArg(const char *fn, const Value &v) {
  if (!isText(v))
    throwErrorIn(fn, "MATLAB:InputParser:ArgumentFailedValidation",
                 "The input must be a string scalar or character vector.");
  return textOf(v);
}

} // namespace

Args bi_cd(int nargout, const Args &args) {
  std::string old = currentFolder();
  if (args.empty()) {
    if (nargout > 0)
      return {makeString(old)};
    writeOut(old + "\n");
    return {};
  }
  std::string to = textArg("cd", *args[0]);
  if (to == "~" || to.rfind("~/", 0) == 0)
    if (const char *home = std::getenv("HOME"))
      to = home + to.substr(1);
  if (chdir(to.c_str()) != 0)
    throwErrorIn("cd", "MATLAB:cd:NonExistentFolder",
                 "Unable to change current folder to '%s' (Name is nonexistent "
                 "or not a folder).",
                 to.c_str());
  if (nargout > 0)
    return {makeString(old)};
  return {};
}

Args bi_dir(int nargout, const Args &args) {
  std::string name = args.empty() ? "." : textArg("dir", *args[0]);
  std::vector<DirEntry> entries = listing(name);
  if (nargout == 0) {
    if (entries.empty()) {
      writeWarning("No matches for pattern '" + name + "'.");
      return {};
    }
    std::vector<std::string> names;
    for (const DirEntry &e : entries)
      names.push_back(e.name);
    writeOut("\n" + nameColumns(names) + "\n");
    return {};
  }
  ValueRef s = makeStruct({(int64_t)entries.size(), 1},
                          {"name", "folder", "date", "bytes", "isdir", "datenum"});
  for (size_t k = 0; k < entries.size(); ++k) {
    const DirEntry &e = entries[k];
    bool isDir = S_ISDIR(e.st.st_mode);
    ValueRef *f = &s->cells[k * 6];
    f[0] = makeString(e.name);
    f[1] = makeString(e.folder);
    f[2] = makeString(dateText(e.st.st_mtime));
    f[3] = makeDouble(isDir ? 0.0 : (double)e.st.st_size);
    f[4] = makeBool(isDir);
    f[5] = makeDouble(dateNumber(e.st.st_mtime));
  }
  return {s};
}

Args bi_mkdir(int nargout, const Args &args) {
  std::string path = textArg("mkdir", *args[0]);
  if (args.size() > 1)
    path += "/" + textArg("mkdir", *args[1]);
  std::string msg, id;
  bool ok = true;
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    msg = "Directory already exists.";
    id = "MATLAB:MKDIR:DirectoryExists";
  } else {
    // Creates the missing parents too, as MATLAB does.
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
      ok = false;
      msg = ec.message();
      id = "MATLAB:MKDIR:OSError";
    }
  }
  if (nargout == 0) {
    if (!ok)
      throwErrorIn("mkdir", id.c_str(), "%s", msg.c_str());
    if (!msg.empty())
      writeWarning(msg);
    return {};
  }
  return {makeBool(ok), makeString(msg), makeString(id)};
}

Args bi_rmdir(int nargout, const Args &args) {
  std::string path = textArg("rmdir", *args[0]);
  bool recursive = args.size() > 1 && textIs(*args[1], "s");
  std::error_code ec;
  struct stat st;
  if (stat(path.c_str(), &st) != 0)
    ec = std::make_error_code(std::errc::no_such_file_or_directory);
  else if (!S_ISDIR(st.st_mode))
    ec = std::make_error_code(std::errc::not_a_directory);
  else if (recursive)
    std::filesystem::remove_all(path, ec);
  else
    std::filesystem::remove(path, ec); // only an empty folder
  int rc = ec ? -1 : 0;
  std::string msg = ec ? ec.message() : "";
  if (nargout == 0) {
    if (rc != 0)
      throwErrorIn("rmdir", "MATLAB:RMDIR:OSError", "%s", msg.c_str());
    return {};
  }
  return {makeBool(rc == 0), makeString(msg), makeString(rc == 0 ? "" : "MATLAB:RMDIR:OSError")};
}

Args bi_delete(int, const Args &args) {
  for (const ValueRef &a : args) {
    std::string pattern = textArg("delete", *a);
    glob_t g;
    bool any = false;
    if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
      for (size_t k = 0; k < g.gl_pathc; ++k)
        any = (std::remove(g.gl_pathv[k]) == 0) || any;
      globfree(&g);
    }
    if (!any)
      writeWarning("File '" + pattern + "' not found.");
  }
  return {};
}

namespace {
bool statIs(const Value &v, bool dir) {
  if (!isText(v))
    return false;
  struct stat st;
  return stat(textOf(v).c_str(), &st) == 0 &&
         (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}
} // namespace

Args bi_isfolder(int, const Args &args) { return {makeBool(statIs(*args[0], true))}; }
Args bi_isfile(int, const Args &args) { return {makeBool(statIs(*args[0], false))}; }

Args bi_tempdir(int, const Args &) {
  const char *t = std::getenv("TMPDIR");
  std::string d = t && *t ? t : "/tmp";
  if (d.back() != '/')
    d += "/";
  return {makeString(d)};
}

Args bi_tempname(int, const Args &args) {
  std::string d = args.empty() ? textOf(*bi_tempdir(1, {})[0]) : textArg("tempname", *args[0]);
  if (d.back() != '/')
    d += "/";
  static std::mt19937_64 gen{std::random_device{}()};
  static const char hex[] = "0123456789abcdef";
  std::string name = "tp";
  for (int k = 0; k < 32; ++k)
    name += hex[gen() & 15];
  return {makeString(d + name)};
}

Args bi_getenv(int, const Args &args) {
  const char *v = std::getenv(textArg("getenv", *args[0]).c_str());
  return {v ? makeString(v) : makeArray(ClassId::Char, {0, 0})};
}

Args bi_setenv(int, const Args &args) {
  std::string name = textArg("setenv", *args[0]);
  std::string value = args.size() > 1 ? textArg("setenv", *args[1]) : "";
  ::setenv(name.c_str(), value.c_str(), 1);
  return {};
}

} // namespace runmat::rt
