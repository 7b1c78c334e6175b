# lit configuration for RunMat: .mlir tests drive runmat-opt, .m tests drive
# the front end and both compilers (runmat-jit and runmatc executables).
import os
import sys

import lit.formats

config.name = "RunMat"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".m", ".test"]
config.excludes = ["Inputs", "unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.runmat_obj_root, "test")

tools = config.runmat_tools_dir
config.substitutions.append(("%runmat-opt", os.path.join(tools, "runmat-opt")))
config.substitutions.append(("%runmat-jit", os.path.join(tools, "runmat-jit")))
config.substitutions.append(("%runmatc", os.path.join(tools, "runmatc")))
config.substitutions.append(("FileCheck", os.path.join(config.llvm_tools_dir, "FileCheck")))
config.substitutions.append(("%not", os.path.join(config.llvm_tools_dir, "not")))
config.substitutions.append(("%mlir-translate",
                             os.path.join(config.llvm_tools_dir, "mlir-translate")))
# Run a .m program through the JIT and through a runmatc executable; both
# must print the same thing, which FileCheck then checks. Linking each
# executable is the slow part of the suite: `lit --param runmat_aot=0` runs
# the JIT only (a quick mode; the default checks both).
if lit_config.params.get("runmat_aot", "1") != "0":
    config.substitutions.append((
        "%run-both",
        "%s %%s > %%t.jit.out && %s %%s -o %%t.exe && %%t.exe > %%t.aot.out && "
        "diff %%t.jit.out %%t.aot.out && cat %%t.jit.out" % (
            os.path.join(tools, "runmat-jit"), os.path.join(tools, "runmatc"))))
else:
    config.substitutions.append((
        "%run-both",
        "%s %%s > %%t.jit.out && cat %%t.jit.out" % os.path.join(tools, "runmat-jit")))
config.environment["OPENBLAS_NUM_THREADS"] = "1"
# CPU features, for tests of code generated for the host.
try:
    _flags = open("/proc/cpuinfo").read().split()
except OSError:
    _flags = []
for _f in ("avx2", "avx512f"):
    if _f in _flags:
        config.available_features.add(_f)
# A Vulkan loader and a driver (Mesa's lavapipe in CI): GPU tests need them.
import ctypes, glob
try:
    ctypes.CDLL("libvulkan.so.1")
    if glob.glob("/usr/share/vulkan/icd.d/*.json") or os.environ.get("VK_ICD_FILENAMES") \
            or os.environ.get("VK_DRIVER_FILES"):
        config.available_features.add("vulkan")
except OSError:
    pass
for _v in ("VK_ICD_FILENAMES", "VK_DRIVER_FILES"):
    if _v in os.environ:
        config.environment[_v] = os.environ[_v]
config.environment["RUNMAT_PIPELINE_CACHE"] = "0"  # no files in $HOME
# Python helpers under test/Inputs (excluded from discovery).
config.substitutions.append(("%python", sys.executable))
# %expect-exit N CMD...: CMD must exit with exactly status N (not a signal).
config.substitutions.append((
    "%expect-exit", "%s %s" % (sys.executable,
                               os.path.join(config.test_source_root, "Inputs",
                                            "expect_exit.py"))))
